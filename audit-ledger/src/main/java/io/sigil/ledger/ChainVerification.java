package io.sigil.ledger;

import io.sigil.ledger.VerificationReport.Failure;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Verification of one chain, fed one record at a time in stored order, so a streaming reader can check many chains in
 * one pass. Stops at the first failure. Holds its own digests and HMAC: no per-record crypto objects. Not thread-safe.
 */
public final class ChainVerification {
    private final String chain;
    private final KeySchedule keys;
    private final Checkpoint checkpoint;
    private final RecordMacs macs;
    private final Sha256Hasher eventDigest = new Sha256Hasher();
    private final CompactRange range = new CompactRange();
    private final byte[] eventSha = new byte[Sha256.LENGTH];
    private final byte[] mac = new byte[HmacSha256.LENGTH];

    private long expectedSeq;
    private byte[] prevMac = ChainMac.GENESIS;
    private long lastEpoch = Long.MIN_VALUE;
    private long keyedEpoch;
    private boolean keyed;
    private BooleanSupplier pendingSignature; // the checkpoint's signature verdict, until asked
    private ChainEntry ahead; // a record whose seq jumped forward; the next one tells a gap from a swap
    private VerificationReport failure;

    ChainVerification(String chain, KeySchedule keys, Checkpoint checkpoint, byte[] checkpointPublicKey) {
        this(chain, keys, checkpoint, signatureOf(checkpoint, checkpointPublicKey));
        signatureFailed(); // at once, before any record, as callers of this constructor expect
    }

    /**
     * The same with the checkpoint's signature verdict left to {@code signatureValid} (null: not checked), which is
     * asked only at the first failure or at {@link #finish()}: records are checked meanwhile, and the report is the
     * same as if it had been asked first.
     */
    ChainVerification(String chain, KeySchedule keys, Checkpoint checkpoint, BooleanSupplier signatureValid) {
        this.chain = Objects.requireNonNull(chain, "chain");
        this.macs = new RecordMacs(chain);
        this.keys = Objects.requireNonNull(keys, "keys");
        this.checkpoint = checkpoint;
        if (checkpoint != null) {
            checkCheckpointItself(signatureValid);
        }
    }

    private static BooleanSupplier signatureOf(Checkpoint checkpoint, byte[] publicKey) {
        return checkpoint == null || publicKey == null ? null : () -> CheckpointVerifier.verify(checkpoint, publicKey);
    }

    public String chain() {
        return chain;
    }

    /** Checks the next stored record; false once the chain has failed (further records are ignored). */
    public boolean accept(SealedRecord r) {
        return failure == null && accept(ChainEntry.of(r));
    }

    /** The same for a record whose event is already in UTF-8 (the export reader's). */
    boolean accept(ChainEntry r) {
        return accept(r, null, 0);
    }

    /**
     * The same with the record's digests taken by another thread: {@code digests[at, at + 32)} is SHA-256 of the event,
     * and, when the mac has 32 bytes, {@code digests[at + 32, at + 64)} its Merkle leaf hash; null: hash here.
     */
    boolean accept(ChainEntry r, byte[] digests, int at) {
        if (failure != null) {
            return false;
        }
        if (ahead != null) {
            ChainEntry jumped = ahead;
            ahead = null;
            if (r.seq() < jumped.seq()) {
                return fail(
                        Failure.SEQUENCE_REPEATED_OR_REORDERED,
                        expectedSeq,
                        "expected seq " + expectedSeq + ", found seq " + jumped.seq() + " followed by seq " + r.seq());
            }
            return fail(Failure.SEQUENCE_GAP, expectedSeq, gapDetail(jumped));
        }
        if (!chain.equals(r.chain())) {
            return fail(Failure.WRONG_CHAIN, expectedSeq, "record names chain '" + r.chain() + "'");
        }
        if (r.seq() != expectedSeq) {
            if (r.seq() > expectedSeq) {
                ahead = r;
                return true;
            }
            return fail(
                    Failure.SEQUENCE_REPEATED_OR_REORDERED,
                    expectedSeq,
                    "expected seq " + expectedSeq + ", found seq " + r.seq() + " again");
        }
        return checkInPlace(r, digests, at);
    }

    /** The report, once every stored record has been offered. */
    public VerificationReport finish() {
        if (failure != null || signatureFailed()) {
            return failure;
        }
        if (ahead != null) {
            fail(Failure.SEQUENCE_GAP, expectedSeq, gapDetail(ahead));
            return failure;
        }
        if (checkpoint != null && expectedSeq < checkpoint.treeSize()) {
            fail(
                    Failure.TRUNCATED,
                    expectedSeq,
                    "the checkpoint covers " + checkpoint.treeSize() + " records, the chain has " + expectedSeq);
            return failure;
        }
        macs.wipe();
        String detail = checkpoint == null
                ? "no checkpoint"
                : "checkpoint tree_size=" + checkpoint.treeSize() + " root matches";
        if (!keys.hasKeys()) {
            detail += "; macs not recomputed: the root key is held offline";
        }
        return VerificationReport.passed(chain, expectedSeq, detail, keys.hasKeys());
    }

    private boolean checkInPlace(ChainEntry r, byte[] digests, int at) {
        long seq = r.seq();
        long epoch = r.epoch();
        if (epoch < lastEpoch) {
            return fail(Failure.EPOCH_REGRESSION, seq, "epoch " + epoch + " after epoch " + lastEpoch);
        }
        if (epoch < keys.genesisEpoch()) {
            return fail(
                    Failure.EPOCH_REGRESSION,
                    seq,
                    "epoch " + epoch + " before the genesis epoch " + keys.genesisEpoch());
        }
        if (!Arrays.equals(r.prevMac(), prevMac)) {
            return fail(Failure.PREV_MAC_MISMATCH, seq, "prev_mac is not the mac of seq " + (seq - 1));
        }
        if (digests != null) {
            System.arraycopy(digests, at, eventSha, 0, Sha256.LENGTH);
        } else {
            digest(r.event(), r.eventOffset(), r.eventLength());
        }
        if (!MessageDigest.isEqual(eventSha, r.eventSha256())) {
            return fail(Failure.EVENT_DIGEST_MISMATCH, seq, "sha256 of the event is " + Hex.encode(eventSha));
        }
        if (keys.hasKeys() && !macVerifies(r, seq, epoch)) {
            return false;
        }
        if (digests != null && r.mac().length == Merkle.HASH_LENGTH) {
            range.appendLeafHash(digests, at + Sha256.LENGTH);
        } else {
            range.appendLeafData(r.mac());
        }
        if (checkpoint != null && !matchesCheckpoint(r)) {
            return false;
        }
        prevMac = r.mac();
        lastEpoch = epoch;
        expectedSeq++;
        return true;
    }

    private boolean macVerifies(ChainEntry r, long seq, long epoch) {
        if (!keyed || epoch != keyedEpoch) {
            byte[] key;
            try {
                key = keys.keyFor(epoch);
            } catch (IllegalArgumentException e) {
                return fail(Failure.MAC_MISMATCH, seq, "no key for epoch " + epoch + ": " + e.getMessage());
            }
            macs.key(key);
            Arrays.fill(key, (byte) 0);
            keyed = true;
            keyedEpoch = epoch;
        }
        macs.mac(seq, prevMac, eventSha, mac);
        if (!MessageDigest.isEqual(mac, r.mac())) {
            return fail(Failure.MAC_MISMATCH, seq, "mac does not verify with the key of epoch " + epoch);
        }
        return true;
    }

    private boolean matchesCheckpoint(ChainEntry r) {
        if (r.seq() == checkpoint.headSeq() && !Arrays.equals(r.mac(), checkpoint.headMac())) {
            return fail(
                    Failure.CHECKPOINT_ROOT_MISMATCH,
                    checkpoint.headSeq(),
                    "mac of seq " + r.seq() + " differs from the checkpoint's head_mac");
        }
        if (range.size() == checkpoint.treeSize() && !Arrays.equals(range.root(), checkpoint.root())) {
            return fail(
                    Failure.CHECKPOINT_ROOT_MISMATCH,
                    checkpoint.headSeq(),
                    "Merkle root over the first " + checkpoint.treeSize() + " records differs from the checkpoint's");
        }
        return true;
    }

    private void checkCheckpointItself(BooleanSupplier signatureValid) {
        long head = checkpoint.headSeq();
        if (!chain.equals(checkpoint.chain())) {
            fail(Failure.WRONG_CHAIN, head, "the checkpoint names chain '" + checkpoint.chain() + "'");
            return;
        }
        pendingSignature = signatureValid; // a bad signature outranks the checks below: fail() asks it first
        if (checkpoint.treeSize() < 0 || head != checkpoint.treeSize() - 1) {
            fail(
                    Failure.CHECKPOINT_ROOT_MISMATCH,
                    head,
                    "inconsistent checkpoint: tree_size " + checkpoint.treeSize() + " with head_seq " + head);
        } else if (checkpoint.treeSize() == 0 && !Arrays.equals(Merkle.emptyRoot(), checkpoint.root())) {
            fail(Failure.CHECKPOINT_ROOT_MISMATCH, head, "an empty tree's root is SHA-256 of the empty string");
        }
    }

    /** Asks the pending signature verdict, if any; a bad signature becomes the failure, reported before any record. */
    private boolean signatureFailed() {
        BooleanSupplier verdict = pendingSignature;
        if (verdict == null) {
            return false;
        }
        pendingSignature = null;
        if (verdict.getAsBoolean()) {
            return false;
        }
        failure = VerificationReport.failed(
                chain,
                0,
                checkpoint.headSeq(),
                Failure.CHECKPOINT_SIGNATURE_INVALID,
                "the signature of the checkpoint (key_id " + checkpoint.keyId()
                        + ") does not verify with the given public key",
                keys.hasKeys());
        macs.wipe();
        return true;
    }

    private String gapDetail(ChainEntry jumped) {
        return "expected seq " + expectedSeq + ", found seq " + jumped.seq() + " (" + (jumped.seq() - expectedSeq)
                + " missing)";
    }

    private void digest(byte[] event, int offset, int length) {
        eventDigest.hash(event, offset, length, eventSha, 0);
    }

    private boolean fail(Failure kind, long firstBadSeq, String detail) {
        if (signatureFailed()) {
            return false;
        }
        failure = VerificationReport.failed(chain, expectedSeq, firstBadSeq, kind, detail, keys.hasKeys());
        macs.wipe();
        return false;
    }
}
