package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CheckpointTest {
    // RFC 8032 §7.1, TEST 1.
    private static final byte[] RFC8032_SEED =
            Hex.decode("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final Instant ISSUED = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void signingPayloadIsTheJcsFormOfEveryFieldButTheSignature() {
        Checkpoint c =
                new Checkpoint("audit", 3, fill(0x11), 2, fill(0x22), 1005, ISSUED, "abcdef0123456789", fill(0x33));
        String h11 = "11".repeat(32);
        String h22 = "22".repeat(32);
        assertThat(new String(c.signingPayload(), StandardCharsets.UTF_8))
                .isEqualTo("{\"chain\":\"audit\",\"epoch\":1005,\"head_mac\":\"" + h22 + "\",\"head_seq\":2,"
                        + "\"issued_at\":\"2026-11-23T08:00:00Z\",\"key_id\":\"abcdef0123456789\",\"root\":\"" + h11
                        + "\",\"tree_size\":3}");
        assertThat(c.withSignature("abcdef0123456789", null).signingPayload()).isEqualTo(c.signingPayload());
    }

    @Test
    void signingPayloadRefusesNumbersJsonCannotCarryExactly() {
        Checkpoint c = Checkpoint.unsigned("a", 1L << 53, fill(1), (1L << 53) - 1, fill(2), 0, ISSUED);
        assertThatThrownBy(c::signingPayload).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void signerDerivesTheRfc8032PublicKeyAndItsKeyId() throws Exception {
        CheckpointSigner signer = new CheckpointSigner(RFC8032_SEED);
        assertThat(Hex.encode(signer.publicKey())).isEqualTo(RFC8032_PUBLIC);
        String expectedId = Hex.encode(MessageDigest.getInstance("SHA-256").digest(Hex.decode(RFC8032_PUBLIC)))
                .substring(0, 16);
        assertThat(signer.keyId()).isEqualTo(expectedId).hasSize(16);
    }

    @Test
    void signaturesVerifyHereAndWithTheJdksOwnEd25519() throws Exception {
        CheckpointSigner signer = new CheckpointSigner(RFC8032_SEED);
        Checkpoint signed = signer.sign(sample());
        assertThat(signed.keyId()).isEqualTo(signer.keyId());
        assertThat(signed.signature()).hasSize(64);
        assertThat(CheckpointVerifier.verify(signed, signer.publicKey())).isTrue();

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(jdkPublicKey(signer.publicKey()));
        jdk.update(signed.signingPayload());
        assertThat(jdk.verify(signed.signature())).isTrue();
    }

    @Test
    void anyChangedFieldBreaksTheSignature() {
        CheckpointSigner signer = new CheckpointSigner(RFC8032_SEED);
        byte[] pk = signer.publicKey();
        Checkpoint s = signer.sign(sample());
        Checkpoint[] tampered = {
            new Checkpoint(
                    "other",
                    s.treeSize(),
                    s.root(),
                    s.headSeq(),
                    s.headMac(),
                    s.epoch(),
                    s.issuedAt(),
                    s.keyId(),
                    s.signature()),
            new Checkpoint(
                    s.chain(),
                    s.treeSize() + 1,
                    s.root(),
                    s.headSeq(),
                    s.headMac(),
                    s.epoch(),
                    s.issuedAt(),
                    s.keyId(),
                    s.signature()),
            new Checkpoint(
                    s.chain(),
                    s.treeSize(),
                    fill(9),
                    s.headSeq(),
                    s.headMac(),
                    s.epoch(),
                    s.issuedAt(),
                    s.keyId(),
                    s.signature()),
            new Checkpoint(
                    s.chain(),
                    s.treeSize(),
                    s.root(),
                    s.headSeq() - 1,
                    s.headMac(),
                    s.epoch(),
                    s.issuedAt(),
                    s.keyId(),
                    s.signature()),
            new Checkpoint(
                    s.chain(),
                    s.treeSize(),
                    s.root(),
                    s.headSeq(),
                    fill(8),
                    s.epoch(),
                    s.issuedAt(),
                    s.keyId(),
                    s.signature()),
            new Checkpoint(
                    s.chain(),
                    s.treeSize(),
                    s.root(),
                    s.headSeq(),
                    s.headMac(),
                    s.epoch() + 1,
                    s.issuedAt(),
                    s.keyId(),
                    s.signature()),
            new Checkpoint(
                    s.chain(),
                    s.treeSize(),
                    s.root(),
                    s.headSeq(),
                    s.headMac(),
                    s.epoch(),
                    s.issuedAt().plusMillis(1),
                    s.keyId(),
                    s.signature()),
            new Checkpoint(
                    s.chain(),
                    s.treeSize(),
                    s.root(),
                    s.headSeq(),
                    s.headMac(),
                    s.epoch(),
                    s.issuedAt(),
                    "0000000000000000",
                    s.signature()),
            s.withSignature(s.keyId(), flip(s.signature())),
            s.withSignature(s.keyId(), null),
            s.withSignature(s.keyId(), Arrays.copyOf(s.signature(), 63)),
        };
        for (Checkpoint c : tampered) {
            assertThat(CheckpointVerifier.verify(c, pk)).as(c.toString()).isFalse();
        }
    }

    @Test
    void anotherKeyDoesNotVerify() {
        Checkpoint signed = new CheckpointSigner(RFC8032_SEED).sign(sample());
        CheckpointSigner other = new CheckpointSigner(fill(0x44));
        assertThat(CheckpointVerifier.verify(signed, other.publicKey())).isFalse();
        // Even with the other key's id written in, the signature itself fails.
        Checkpoint relabelled = signed.withSignature(other.keyId(), signed.signature());
        assertThat(CheckpointVerifier.verify(relabelled, other.publicKey())).isFalse();
        assertThat(CheckpointVerifier.verify(signed, new byte[31])).isFalse();
        assertThat(CheckpointVerifier.verify(signed, null)).isFalse();
    }

    @Test
    void seedsMustBe32Bytes() {
        assertThatThrownBy(() -> new CheckpointSigner(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityAndToStringHandleArrays() {
        Checkpoint a = new CheckpointSigner(RFC8032_SEED).sign(sample());
        Checkpoint b = new Checkpoint(
                a.chain(),
                a.treeSize(),
                a.root().clone(),
                a.headSeq(),
                a.headMac().clone(),
                a.epoch(),
                a.issuedAt(),
                a.keyId(),
                a.signature().clone());
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.withSignature(a.keyId(), flip(a.signature()))).isNotEqualTo(a);
        assertThat(a.toString()).contains("root=" + Hex.encode(a.root()), "signature=" + Hex.encode(a.signature()));
    }

    static Checkpoint sample() {
        return Checkpoint.unsigned("audit", 300, fill(0x5a), 299, fill(0x6b), 1042, ISSUED);
    }

    private static byte[] fill(int value) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static byte[] flip(byte[] in) {
        byte[] out = in.clone();
        out[10] ^= 0x01;
        return out;
    }

    /** RFC 8032 §5.1.2 encoding: y little-endian, the top bit the parity of x. */
    private static PublicKey jdkPublicKey(byte[] raw) throws Exception {
        byte[] bigEndian = new byte[raw.length];
        for (int i = 0; i < raw.length; i++) {
            bigEndian[i] = raw[raw.length - 1 - i];
        }
        boolean xOdd = (bigEndian[0] & 0x80) != 0;
        bigEndian[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
    }
}
