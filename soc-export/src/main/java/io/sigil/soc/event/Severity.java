package io.sigil.soc.event;

import java.util.Locale;

/** How loud an audit event is, on the CEF 0-10 scale and as an RFC 5424 severity. */
public enum Severity {
    LOW(3, 6),
    MEDIUM(5, 5),
    HIGH(7, 4),
    VERY_HIGH(9, 3);

    private final int cef;
    private final int syslog;

    Severity(int cef, int syslog) {
        this.cef = cef;
        this.syslog = syslog;
    }

    /** CEF Severity, 0 (lowest) to 10. */
    public int cef() {
        return cef;
    }

    /** RFC 5424 severity code, 0 (emergency) to 7 (debug). */
    public int syslog() {
        return syslog;
    }

    /**
     * A detection finding is very high; a denial, or a failed authentication, high; any other failure, an unknown
     * outcome or an unreadable event medium (nobody decided it was harmless); a success low.
     */
    public static Severity of(EventView event) {
        if (event.isMalformed()) {
            return MEDIUM;
        }
        boolean detection = event.classUid().stream().anyMatch(uid -> uid == EventClass.DETECTION_FINDING.uid());
        if (detection) {
            return VERY_HIGH;
        }
        String outcome = event.text("outcome").orElse("").toLowerCase(Locale.ROOT);
        boolean authentication = event.classUid().stream().anyMatch(uid -> uid == EventClass.AUTHENTICATION.uid());
        switch (outcome) {
            case "success":
                return LOW;
            case "denied":
                return HIGH;
            case "failure":
                return authentication ? HIGH : MEDIUM;
            default:
                return MEDIUM;
        }
    }
}
