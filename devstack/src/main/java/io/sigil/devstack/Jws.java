package io.sigil.devstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Signs compact JWS with RS256, for the demo clients' assertions and DPoP proofs; nothing else needs it. */
final class Jws {

    private Jws() {}

    static String rs256(PrivateKey key, String headerJson, String claimsJson) {
        String input = DemoClientKey.b64(headerJson) + "." + DemoClientKey.b64(claimsJson);
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with RS256", e);
        }
    }
}
