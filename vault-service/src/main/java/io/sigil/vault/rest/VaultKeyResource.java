package io.sigil.vault.rest;

import io.sigil.vault.keys.VaultKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The vault's public key, for configuring gateways ({@code sigil.gateway.vault.public-key}); it is no secret. */
@Path("/api/vault/public-key")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class VaultKeyResource {

    private final VaultKeys keys;

    public VaultKeyResource(VaultKeys keys) {
        this.keys = keys;
    }

    @GET
    public Map<String, Object> publicKey() {
        return Map.of(
                "algorithm", "X25519",
                "key_version", keys.keyVersion(),
                "public_key", keys.publicKey(),
                "development", keys.development());
    }
}
