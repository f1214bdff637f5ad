package io.sigil.soc.syslog;

import io.sigil.soc.SealedEvent;
import io.sigil.soc.cef.CefFormatter;
import io.sigil.soc.event.EventView;
import io.sigil.soc.event.Severity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns a sealed event into its RFC 5424 message: CEF line as MSG, chain fields as structured data. */
public final class SyslogComposer {

    /** The default facility, 13 "log audit": meant for audit trails, so receivers can route the feed apart. */
    public static final int LOG_AUDIT = 13;

    public static final String APP_NAME = "sigil-audit";
    /** The SD-ID: RFC 5612 reserves enterprise number 32473 for documentation and examples. */
    public static final String SD_ID = "sigil@32473";

    private final int facility;
    private final String hostname;
    private final CefFormatter cef;

    public SyslogComposer(String hostname, CefFormatter cef) {
        this(LOG_AUDIT, hostname, cef);
    }

    public SyslogComposer(int facility, String hostname, CefFormatter cef) {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("syslog facility must be 0..23, was " + facility);
        }
        this.facility = facility;
        this.hostname = hostname;
        this.cef = cef;
    }

    public SyslogMessage compose(SealedEvent event) {
        EventView view = EventView.of(event);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("chain", event.chain());
        params.put("seq", Long.toString(event.seq()));
        params.put("epoch", Long.toString(event.epoch()));
        params.put("mac", event.mac());
        params.put("prev_mac", event.prevMac());
        return new SyslogMessage(
                facility,
                Severity.of(view).syslog(),
                view.time(),
                hostname,
                APP_NAME,
                null,
                msgId(view),
                Optional.of(new SdElement(SD_ID, params)),
                cef.format(view));
    }

    static String msgId(EventView view) {
        if (view.isMalformed()) {
            return "MALFORMED";
        }
        return view.eventClass()
                .map(Enum::name)
                .orElse(view.classUid().isPresent() ? "CLASS_" + view.classUid().getAsInt() : "UNKNOWN");
    }
}
