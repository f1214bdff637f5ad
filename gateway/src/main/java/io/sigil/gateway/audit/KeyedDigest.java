package io.sigil.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sigil.ledger.Jcs;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * The keyed digest of a JSON value as the audit trail holds it in place of arguments and results:
 * HMAC-SHA256 over the value's RFC 8785 form. Whoever holds the key can tell whether a given value is the one
 * that crossed the gateway; nobody without it can test guesses of a low-entropy secret against the trail.
 */
public final class KeyedDigest {

    /** The shortest key accepted: the digest's own strength. */
    public static final int MIN_KEY_BYTES = 32;

    private static final Logger LOG = Logger.getLogger(KeyedDigest.class);

    private final SecretKeySpec key;
    // A Mac is not thread-safe; one per thread spares a lock on the request path.
    private final ThreadLocal<Mac> macs;

    public KeyedDigest(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("an audit digest key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /**
     * From the configured key (base64), or, without one, a random key of this process only: its digests cannot be
     * compared across restarts or gateway replicas, which is said once at start.
     */
    public static KeyedDigest of(Optional<String> base64Key) {
        if (base64Key.isPresent()) {
            return new KeyedDigest(Base64.getDecoder().decode(base64Key.get().trim()));
        }
        LOG.warn("no sigil.gateway.audit-digest-key: argument and result digests use a random key of this process,"
                + " comparable neither across restarts nor between gateways");
        return random();
    }

    /** A key nobody holds: for stages built by hand, whose digests nobody needs to check. */
    public static KeyedDigest random() {
        byte[] random = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(random);
        return new KeyedDigest(random);
    }

    /** {@code hmac-sha256:<hex>} of the value's canonical form; empty when it has none (a number JCS refuses). */
    public Optional<String> of(JsonNode value) {
        byte[] canonical;
        try {
            canonical = Jcs.canonicalize(value);
        } catch (RuntimeException notCanonical) {
            return Optional.empty();
        }
        Mac mac = macs.get();
        return Optional.of("hmac-sha256:" + HexFormat.of().formatHex(mac.doFinal(canonical)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is on every Java platform", impossible);
        }
    }
}
