package io.sigil.core.model.ocsf;

import java.util.Map;

/**
 * How an event reads to a SIEM: its OCSF severity, status and, where the mesh decided something, the
 * security-control action and disposition. A finding is louder than a denial, a denial than a failure.
 */
record OcsfVerdict(
        int severityId,
        String severity,
        int statusId,
        String status,
        int actionId,
        String action,
        int dispositionId,
        String disposition) {

    static OcsfVerdict of(OcsfClass ocsfClass, String outcome, Map<String, Object> attributes) {
        boolean finding = ocsfClass == OcsfClass.DETECTION_FINDING;
        boolean modified = attributes.get("interceptions") instanceof Number n && n.intValue() > 0;
        return switch (outcome) {
            case "success" -> finding
                    ? new OcsfVerdict(
                            3,
                            "Medium",
                            1,
                            "New",
                            modified ? 4 : 3,
                            modified ? "Modified" : "Observed",
                            modified ? 11 : 15,
                            modified ? "Corrected" : "Detected")
                    : new OcsfVerdict(
                            1,
                            "Informational",
                            1,
                            "Success",
                            modified ? 4 : 1,
                            modified ? "Modified" : "Allowed",
                            modified ? 11 : 1,
                            modified ? "Corrected" : "Allowed");
            case "denied" -> finding
                    ? new OcsfVerdict(4, "High", 1, "New", 2, "Denied", 2, "Blocked")
                    : new OcsfVerdict(3, "Medium", 2, "Failure", 2, "Denied", 2, "Blocked");
            case "failure" -> ocsfClass == OcsfClass.AUTHENTICATION
                    ? new OcsfVerdict(3, "Medium", 2, "Failure", 2, "Denied", 26, "Unauthorized")
                    : new OcsfVerdict(
                            finding ? 3 : 2,
                            finding ? "Medium" : "Low",
                            finding ? 1 : 2,
                            finding ? "New" : "Failure",
                            0,
                            null,
                            0,
                            null);
            default -> new OcsfVerdict(0, "Unknown", 0, "Unknown", 0, null, 0, null);
        };
    }
}
