package io.sigil.audit.ledger;

import io.sigil.audit.config.ChainSecrets;
import io.sigil.audit.sealing.KeyState;
import io.sigil.audit.store.ChainStore;
import io.sigil.audit.store.CheckpointStore;
import io.sigil.audit.store.MerkleNodeStore;
import io.sigil.audit.store.RecordStore;
import io.sigil.ledger.ChainVerifier;
import io.sigil.ledger.Checkpoint;
import io.sigil.ledger.CheckpointSigner;
import io.sigil.ledger.Hex;
import io.sigil.ledger.KeySchedule;
import io.sigil.ledger.LedgerJson;
import io.sigil.ledger.Merkle;
import io.sigil.ledger.SubtreeProofs;
import io.sigil.ledger.VerificationReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Verification of the stored chains against their keys and signed checkpoints, and inclusion proofs. */
@ApplicationScoped
public class LedgerService {

    private final RecordStore records;
    private final ChainStore chains;
    private final CheckpointStore checkpoints;
    private final ChainSecrets secrets;
    private final MerkleNodeStore nodes;
    private final byte[] publicKey;
    private final String keyId;

    public LedgerService(
            RecordStore records,
            ChainStore chains,
            CheckpointStore checkpoints,
            ChainSecrets secrets,
            MerkleNodeStore nodes) {
        this.records = records;
        this.chains = chains;
        this.checkpoints = checkpoints;
        this.secrets = secrets;
        this.nodes = nodes;
        CheckpointSigner signer = new CheckpointSigner(secrets.signingSeed());
        this.publicKey = signer.publicKey();
        this.keyId = signer.keyId();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String keyId() {
        return keyId;
    }

    /** Every chain re-computed from its first record, each against its latest checkpoint. */
    public List<VerificationReport> verifyAll() throws SQLException {
        List<VerificationReport> reports = new ArrayList<>();
        Optional<KeyState> keys = chains.keyState();
        for (String chain : records.chains()) {
            reports.add(verify(chain, keys));
        }
        return reports;
    }

    public Optional<VerificationReport> verify(String chain) throws SQLException {
        if (!records.chains().contains(chain)) {
            return Optional.empty();
        }
        return Optional.of(verify(chain, chains.keyState()));
    }

    private VerificationReport verify(String chain, Optional<KeyState> keys) throws SQLException {
        long genesis = keys.map(KeyState::genesisEpoch).orElse(0L);
        KeySchedule schedule = secrets.rootKey()
                .map(root -> new KeySchedule(root, genesis))
                .orElseGet(() -> KeySchedule.withheld(genesis));
        Checkpoint latest = checkpoints.latest(chain).orElse(null);
        return new ChainVerifier().verify(chain, new PagedChain(records, chain), schedule, latest, publicKey);
    }

    /**
     * The inclusion proof of a record in the latest checkpoint of its chain, if it is checkpointed yet. Reads the
     * stored subtree roots on the path and at most two blocks of macs, not the whole chain.
     */
    public Optional<InclusionProof> proof(String chain, long seq) throws SQLException {
        Optional<Checkpoint> latest = checkpoints.latest(chain);
        if (latest.isEmpty() || seq < 0 || seq >= latest.get().treeSize()) {
            return Optional.empty();
        }
        Checkpoint checkpoint = latest.get();
        byte[] leaf;
        List<byte[]> path;
        try (MerkleNodeStore.Source source = nodes.open(chain)) {
            SubtreeProofs proofs = new SubtreeProofs(source, checkpoint.treeSize());
            path = proofs.inclusionProof(seq);
            leaf = proofs.leafHash(seq);
        } catch (SubtreeProofs.MissingLeavesException recordsGone) {
            // Fewer records than the checkpoint covers: there is nothing to prove against; verify says why.
            return Optional.empty();
        }
        boolean verified = Merkle.verifyInclusion(seq, checkpoint.treeSize(), leaf, path, checkpoint.root());
        return Optional.of(new InclusionProof(
                chain,
                seq,
                Hex.encode(leaf),
                checkpoint.treeSize(),
                path.stream().map(Hex::encode).toList(),
                Hex.encode(checkpoint.root()),
                verified,
                LedgerJson.toJson(checkpoint)));
    }

    public List<Checkpoint> latestCheckpoints() throws SQLException {
        return checkpoints.latestOfEachChain();
    }

    /** The genesis epoch, for exports; 0 before anything was sealed. */
    public long genesisEpoch() throws SQLException {
        return chains.keyState().map(KeyState::genesisEpoch).orElse(0L);
    }
}
