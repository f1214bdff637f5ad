package io.sigil.core.model.ocsf;

import java.util.Map;

/**
 * An OCSF activity: the class's own enumerated id for what a SIGIL activity (an MCP method such as
 * {@code tools/call}, or a mesh action such as {@code agents/revoke}) did, with its caption. Whatever the class
 * has no id for is Other (99), which OCSF pairs with the source's own name of the activity.
 */
public record OcsfActivity(int id, String caption) {

    public static final int OTHER = 99;

    private static final OcsfActivity CREATE = new OcsfActivity(1, "Create");
    private static final OcsfActivity READ = new OcsfActivity(2, "Read");
    private static final OcsfActivity UPDATE = new OcsfActivity(3, "Update");

    // MCP methods that only read what a server offers.
    private static final Map<String, OcsfActivity> API = Map.of(
            "tools/list", READ,
            "resources/list", READ,
            "resources/templates/list", READ,
            "resources/read", READ,
            "prompts/list", READ,
            "prompts/get", READ,
            "tool/pinned", CREATE,
            "tool/approved", UPDATE,
            "scanner/loaded", CREATE);

    private static final Map<String, OcsfActivity> ENTITY = Map.of(
            "agents/register", CREATE,
            "agents/update", UPDATE,
            "agents/revoke", new OcsfActivity(11, "Deactivate"),
            "agents/suspend", new OcsfActivity(12, "Suspend"),
            "agents/reactivate", new OcsfActivity(13, "Resume"));

    /** The activity of {@code activity} in class {@code ocsfClass}; unknown classes and activities are Other. */
    public static OcsfActivity of(OcsfClass ocsfClass, String activity) {
        if (ocsfClass == null) {
            return other();
        }
        return switch (ocsfClass) {
            case API_ACTIVITY -> API.getOrDefault(activity, other());
            case ENTITY_MANAGEMENT -> ENTITY.getOrDefault(activity, other());
                // A bearer token presented to the gateway is a logon to it, whatever the verdict.
            case AUTHENTICATION -> new OcsfActivity(1, "Logon");
            case AUTHORIZE_SESSION -> new OcsfActivity(1, "Assign Privileges");
                // Every finding the mesh writes is a new one; nothing later updates or closes it.
            case DETECTION_FINDING -> CREATE;
        };
    }

    public static OcsfActivity other() {
        return new OcsfActivity(OTHER, "Other");
    }
}
