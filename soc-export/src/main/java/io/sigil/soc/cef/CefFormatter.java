package io.sigil.soc.cef;

import io.sigil.soc.SealedEvent;
import io.sigil.soc.event.EventClass;
import io.sigil.soc.event.EventView;
import io.sigil.soc.event.Severity;
import java.util.Optional;

/** Renders a sealed event as one ArcSight CEF:0 line, with the chain fields a SIEM needs to verify the chain. */
public final class CefFormatter {

    public static final String VENDOR = "SIGIL";
    public static final String PRODUCT = "mesh";
    public static final String DEFAULT_VERSION = "0.1.0";

    private final String productVersion;

    public CefFormatter() {
        this(DEFAULT_VERSION);
    }

    public CefFormatter(String productVersion) {
        this.productVersion = productVersion;
    }

    public String format(SealedEvent event) {
        return format(EventView.of(event));
    }

    public String format(EventView view) {
        try {
            return view.isMalformed() ? malformed(view) : wellFormed(view);
        } catch (RuntimeException e) {
            // A formatter that throws would stall the export cursor on this event forever: fall back to raw text.
            return malformed(view);
        }
    }

    private String wellFormed(EventView v) {
        String classPart =
                v.classUid().isPresent() ? Integer.toString(v.classUid().getAsInt()) : "unknown";
        Optional<String> activity = v.text("activity");
        String signature = activity.map(a -> classPart + ":" + a).orElse(classPart);
        String className = v.eventClass()
                .map(EventClass::displayName)
                .orElse(v.classUid().isPresent() ? "OCSF class " + classPart : "Audit event");
        String name = className
                + activity.map(a -> " " + a).orElse("")
                + v.text("outcome").map(o -> ": " + o).orElse("");
        StringBuilder line = header(signature, name, Severity.of(v));
        Extensions ext = new Extensions(line);
        ext.add("rt", Long.toString(v.time().toEpochMilli()));
        ext.add("suser", v.text("actor"));
        ext.add("act", activity);
        ext.add("outcome", v.text("outcome"));
        ext.add("deviceProcessName", v.text("source"));
        ext.labelled("cs1", "audit_id", v.text("audit_id"));
        chainFields(ext, v.sealed());
        ext.labelled("cs5", "trust_level", v.text("trust_level"));
        ext.add("msg", v.attributesJson());
        return line.toString();
    }

    private String malformed(EventView v) {
        StringBuilder line = header("malformed", "Unreadable audit event", Severity.MEDIUM);
        Extensions ext = new Extensions(line);
        ext.add("rt", Long.toString(v.sealed().sealedAt().toEpochMilli()));
        chainFields(ext, v.sealed());
        ext.add("msg", v.sealed().eventJson());
        return line.toString();
    }

    private static void chainFields(Extensions ext, SealedEvent e) {
        ext.labelled("cs2", "chain", Optional.of(e.chain()));
        ext.labelled("cn1", "seq", Optional.of(Long.toString(e.seq())));
        ext.labelled("cn2", "epoch", Optional.of(Long.toString(e.epoch())));
        ext.labelled("cs3", "mac", Optional.of(e.mac()));
        ext.labelled("cs4", "prev_mac", Optional.of(e.prevMac()));
    }

    private StringBuilder header(String signature, String name, Severity severity) {
        StringBuilder line = new StringBuilder(512);
        line.append("CEF:0|")
                .append(CefEscaping.header(VENDOR))
                .append('|')
                .append(CefEscaping.header(PRODUCT))
                .append('|')
                .append(CefEscaping.header(productVersion))
                .append('|')
                .append(CefEscaping.header(signature))
                .append('|')
                .append(CefEscaping.header(name))
                .append('|')
                .append(severity.cef())
                .append('|');
        return line;
    }

    /** Appends space-separated key=value pairs, skipping absent values. */
    private static final class Extensions {
        private final StringBuilder line;
        private boolean first = true;

        Extensions(StringBuilder line) {
            this.line = line;
        }

        void add(String key, Optional<String> value) {
            value.ifPresent(v -> add(key, v));
        }

        void add(String key, String value) {
            if (!first) {
                line.append(' ');
            }
            first = false;
            line.append(key).append('=').append(CefEscaping.extension(value));
        }

        void labelled(String key, String label, Optional<String> value) {
            value.ifPresent(v -> {
                add(key, v);
                add(key + "Label", label);
            });
        }
    }
}
