package io.sigil.gateway.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PackSignatureVerifierTest {

    private static final SignedPacks REGISTRY = SignedPacks.development();
    private final PackSignatureVerifier verifier = new PackSignatureVerifier(
            ((TrustedKeys.Loaded.Trusted) TrustedKeys.load(Optional.empty(), true)).keys(), SignedPacks.JSON);

    @Test
    void aPackSignedByTheTrustedKeyVerifies() {
        // Given a pack signed as scan-service signs it
        ObjectNode definition = SignedPacks.zqxDefinition("test-zqx", "zqx-token");
        String record = REGISTRY.record("test-zqx", "1.0.0", definition);

        // When the gateway checks it
        PackSignatureVerifier.Verdict verdict = verifier.verify("test-zqx", record);

        // Then it is verified, with the definition as signed
        assertThat(verdict).isInstanceOf(PackSignatureVerifier.Verdict.Verified.class);
        VerifiedPack pack = ((PackSignatureVerifier.Verdict.Verified) verdict).pack();
        assertThat(pack.id()).isEqualTo("test-zqx");
        assertThat(pack.version()).isEqualTo("1.0.0");
        assertThat(pack.keyId()).isEqualTo(REGISTRY.keyId());
        assertThat(pack.definition()).isEqualTo(definition);
    }

    @Test
    void oneChangedByteInTheSignedFieldsIsRefused() {
        // Given a signed pack whose pattern is changed by one character after signing
        String record = REGISTRY.record("test-zqx", "1.0.0", SignedPacks.zqxDefinition("test-zqx", "zqx-token"));
        String tampered = record.replace("{24}", "{25}");
        assertThat(tampered).isNotEqualTo(record);

        // Then the signature no longer verifies
        assertRefused(verifier.verify("test-zqx", tampered), "does not verify");
    }

    @Test
    void oneFlippedBitInTheSignatureIsRefused() throws Exception {
        // Given a signed pack whose signature has one bit flipped
        ObjectNode record = (ObjectNode) SignedPacks.JSON.readTree(
                REGISTRY.record("test-zqx", "1.0.0", SignedPacks.zqxDefinition("test-zqx", "zqx-token")));
        byte[] signature = Base64.getUrlDecoder().decode(record.get("signature").asText());
        signature[10] ^= 0x01;
        record.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));

        // Then it is refused
        assertRefused(verifier.verify("test-zqx", record.toString()), "does not verify");
    }

    @Test
    void aPackSignedByAnotherKeyIsRefused() {
        // Given a pack signed by a key the gateway does not trust
        SignedPacks other = SignedPacks.random();
        ObjectNode definition = SignedPacks.zqxDefinition("test-zqx", "zqx-token");

        // Then it is refused, whether it names its own key or claims the trusted one
        assertRefused(verifier.verify("test-zqx", other.record("test-zqx", "1.0.0", definition)), "not trusted");
        assertRefused(
                verifier.verify("test-zqx", other.record("test-zqx", "1.0.0", definition, REGISTRY.keyId())),
                "does not verify");
    }

    @Test
    void malformedRecordsAreRefusedWithTheirReason() {
        String good = REGISTRY.record("test-zqx", "1.0.0", SignedPacks.zqxDefinition("test-zqx", "zqx-token"));

        assertRefused(verifier.verify("test-zqx", "{not json"), "not JSON");
        assertRefused(verifier.verify("test-zqx", "[1,2]"), "not a signed pack object");
        assertRefused(verifier.verify("test-zqx", good.replace("\"signature\"", "\"signatures\"")), "'signature'");
        assertRefused(verifier.verify("test-zqx", good.replace("\"definition\"", "\"def\"")), "'definition'");
        // A signed pack moved under another key would be withdrawn by the other pack's tombstones.
        assertRefused(verifier.verify("other-pack", good), "key does not name");
        assertRefused(
                verifier.verify("test-zqx", good.replace("\"id\":\"test-zqx\",", "\"id\":\"test-zqx\",\"id\":\"x\",")),
                "not JSON");
    }

    private static void assertRefused(PackSignatureVerifier.Verdict verdict, String reason) {
        assertThat(verdict).isInstanceOf(PackSignatureVerifier.Verdict.Refused.class);
        assertThat(((PackSignatureVerifier.Verdict.Refused) verdict).reason()).contains(reason);
    }
}
