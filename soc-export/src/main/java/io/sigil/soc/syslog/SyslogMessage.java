package io.sigil.soc.syslog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One RFC 5424 message: {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID SD MSG}, MSG as BOM plus UTF-8 text.
 */
public record SyslogMessage(
        int facility,
        int severity,
        Instant timestamp,
        String hostname,
        String appName,
        String procId,
        String msgId,
        Optional<SdElement> structuredData,
        String msg) {

    private static final String NIL = "-";
    private static final String BOM = "\uFEFF";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public SyslogMessage {
        if (facility < 0 || facility > 23) {
            throw new IllegalArgumentException("syslog facility must be 0..23, was " + facility);
        }
        if (severity < 0 || severity > 7) {
            throw new IllegalArgumentException("syslog severity must be 0..7, was " + severity);
        }
    }

    public int priority() {
        return facility * 8 + severity;
    }

    /** The message as text, without framing. */
    public String render() {
        return "<" + priority() + ">1 "
                + (timestamp == null ? NIL : TIMESTAMP.format(timestamp)) + ' '
                + headerField(hostname, 255) + ' '
                + headerField(appName, 48) + ' '
                + headerField(procId, 128) + ' '
                + headerField(msgId, 32) + ' '
                + structuredData.map(SdElement::render).orElse(NIL)
                + (msg == null ? "" : " " + BOM + msg);
    }

    public byte[] toBytes() {
        return render().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 6587 / RFC 5425 octet counting: the length in octets, a space, the message. */
    public byte[] framed() {
        byte[] body = toBytes();
        byte[] prefix = (body.length + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(body, 0, frame, prefix.length, body.length);
        return frame;
    }

    /** Header fields are 1..max PRINTUSASCII characters, or the NILVALUE. */
    static String headerField(String value, int max) {
        if (value == null || value.isEmpty()) {
            return NIL;
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(c > 32 && c < 127 ? c : '_');
        }
        return out.toString();
    }

    /** SD-NAME: 1..32 PRINTUSASCII except {@code =}, space, {@code ]} and {@code "}. */
    static String sdName(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 32; i++) {
            char c = name.charAt(i);
            boolean allowed = c > 32 && c < 127 && c != '=' && c != ']' && c != '"';
            out.append(allowed ? c : '_');
        }
        return out.length() == 0 ? "_" : out.toString();
    }
}
