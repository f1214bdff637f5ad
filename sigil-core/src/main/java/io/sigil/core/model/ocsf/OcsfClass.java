package io.sigil.core.model.ocsf;

import java.util.Optional;

/** The OCSF event classes the mesh writes, with their category: what a SIEM needs to route an event unread. */
public enum OcsfClass {
    DETECTION_FINDING(2004, "Detection Finding", 2, "Findings"),
    AUTHENTICATION(3002, "Authentication", 3, "Identity & Access Management"),
    AUTHORIZE_SESSION(3003, "Authorize Session", 3, "Identity & Access Management"),
    ENTITY_MANAGEMENT(3004, "Entity Management", 3, "Identity & Access Management"),
    API_ACTIVITY(6003, "API Activity", 6, "Application Activity");

    private final int uid;
    private final String caption;
    private final int categoryUid;
    private final String categoryName;

    OcsfClass(int uid, String caption, int categoryUid, String categoryName) {
        this.uid = uid;
        this.caption = caption;
        this.categoryUid = categoryUid;
        this.categoryName = categoryName;
    }

    public int uid() {
        return uid;
    }

    public String caption() {
        return caption;
    }

    public int categoryUid() {
        return categoryUid;
    }

    public String categoryName() {
        return categoryName;
    }

    public static Optional<OcsfClass> of(int uid) {
        for (OcsfClass c : values()) {
            if (c.uid == uid) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
