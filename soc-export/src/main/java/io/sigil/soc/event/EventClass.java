package io.sigil.soc.event;

import java.util.Optional;

/** The OCSF event classes SIGIL emits, with the names the SOC feeds show. */
public enum EventClass {
    DETECTION_FINDING(2004, "Detection Finding"),
    AUTHENTICATION(3002, "Authentication"),
    AUTHORIZE_SESSION(3003, "Authorize Session"),
    API_ACTIVITY(6003, "API Activity");

    private final int uid;
    private final String displayName;

    EventClass(int uid, String displayName) {
        this.uid = uid;
        this.displayName = displayName;
    }

    public int uid() {
        return uid;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<EventClass> of(int uid) {
        for (EventClass c : values()) {
            if (c.uid == uid) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
