package io.sigil.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One finding that was vaulted and replaced, as reported in {@code _sigil.interceptions}.
 *
 * @param category the finding's category
 * @param vaultId the vault entry that holds it; {@code null} while no vault stage runs (the finding was
 *     replaced, and nothing holds it)
 * @param path where it was found: a JSON pointer into the arguments or the result
 * @param direction {@code request} or {@code response}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Interception(String category, @JsonProperty("vault_id") String vaultId, String path, String direction) {

    public Interception {
        Objects.requireNonNull(category, "category");
    }

    public OpaquePointer pointer() {
        return new OpaquePointer(category, vaultId);
    }
}
