package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Proofs from stored subtree roots equal the proofs over every leaf, and read only a bounded part of the chain. */
class SubtreeProofsTest {

    private static final int LEVEL = SubtreeProofs.STORED_FROM_LEVEL;

    @Test
    void proofsAndRootsEqualTheFullComputationForEverySizeUpTo1100() {
        // Given a chain whose completed subtrees of 256+ leaves were stored as it grew
        Chain chain = new Chain(1100);
        for (int n = 1; n <= 1100; n++) {
            List<byte[]> prefix = chain.leaves.subList(0, n);
            SubtreeProofs proofs = new SubtreeProofs(chain.source(), n);
            // When / Then: the root, and the proof of the first, a middle and the last leaf, are MTH's
            assertThat(proofs.root()).as("root of %d", n).isEqualTo(Merkle.root(prefix));
            for (int index : new int[] {0, n / 2, n - 1}) {
                assertThat(proofs.inclusionProof(index))
                        .as("proof of %d in %d", index, n)
                        .containsExactlyElementsOf(Merkle.inclusionProof(index, prefix));
            }
            assertThat(proofs.compactRange().subtreeHashes())
                    .containsExactlyElementsOf(compact(prefix).subtreeHashes());
        }
    }

    @Test
    void withoutStoredNodesTheSameProofsAreComputedFromTheLeaves() {
        // Given a chain sealed before subtree roots were stored
        Chain chain = new Chain(3000);
        chain.nodes.clear();
        SubtreeProofs proofs = new SubtreeProofs(chain.source(), 2999);

        // Then the proofs are still correct, only dearer
        for (int index : new int[] {0, 255, 256, 1500, 2998}) {
            assertThat(proofs.inclusionProof(index))
                    .containsExactlyElementsOf(Merkle.inclusionProof(index, chain.leaves.subList(0, 2999)));
        }
        assertThat(proofs.root()).isEqualTo(Merkle.root(chain.leaves.subList(0, 2999)));
    }

    @Test
    void aProofInAChainOfAMillionLeavesReadsAtMostTwoBlocksOfLeavesAndLogarithmicallyManyNodes() {
        // Given a chain of 2^20 + 333 records and the subtree roots the sealer stored while appending them
        int size = (1 << 20) + 333;
        Chain chain = new Chain(size);
        byte[] root = chain.range.root();
        Random random = new Random(42);
        long[] indices = {0, 1, 255, 256, size / 2, size - 334, size - 1, random.nextInt(size), random.nextInt(size)};

        for (long index : indices) {
            // When one proof is built
            Chain.Counting source = chain.source();
            SubtreeProofs proofs = new SubtreeProofs(source, size);
            List<byte[]> proof = proofs.inclusionProof(index);

            // Then it verifies against the root over all leaves, and read almost nothing
            assertThat(Merkle.verifyInclusion(index, size, chain.leaves.get((int) index), proof, root))
                    .as("proof of %d", index)
                    .isTrue();
            assertThat(proof).hasSizeLessThanOrEqualTo(21);
            assertThat(source.leavesRead).as("leaves read for %d", index).isLessThanOrEqualTo(2 << LEVEL);
            assertThat(source.nodesRead).as("nodes read for %d", index).isLessThanOrEqualTo(2 * 21);
        }
        // And it is the very proof the full computation gives
        int index = size / 3;
        assertThat(new SubtreeProofs(chain.source(), size).inclusionProof(index))
                .containsExactlyElementsOf(Merkle.inclusionProof(index, chain.leaves));
        // And the sealer's resumed tree needs no leaf beyond the unfinished tail
        Chain.Counting source = chain.source();
        assertThat(new SubtreeProofs(source, size).compactRange().root()).isEqualTo(root);
        assertThat(source.leavesRead).isLessThanOrEqualTo(1 << LEVEL);
    }

    @Test
    void aProofAgainstAnEarlierCheckpointUsesOnlyNodesInsideIt() {
        // Given nodes stored far beyond the checkpointed size
        Chain chain = new Chain(5000);
        int checkpointed = 1027;

        List<byte[]> proof = new SubtreeProofs(chain.source(), checkpointed).inclusionProof(700);

        assertThat(proof).containsExactlyElementsOf(Merkle.inclusionProof(700, chain.leaves.subList(0, checkpointed)));
    }

    @Test
    void aTamperedStoredNodeMakesTheProofFailVerification() {
        Chain chain = new Chain(2048);
        byte[] root = chain.range.root();
        chain.nodes.get(key(10, 1))[0] ^= 1;

        List<byte[]> proof = new SubtreeProofs(chain.source(), 2048).inclusionProof(3);

        assertThat(Merkle.verifyInclusion(3, 2048, chain.leaves.get(3), proof, root))
                .isFalse();
    }

    @Test
    void missingLeavesAreReportedNotSkipped() {
        Chain chain = new Chain(600);
        SubtreeSource shortOne = new SubtreeSource() {
            @Override
            public byte[] node(int level, long index) {
                return chain.nodes.get(key(level, index));
            }

            @Override
            public List<byte[]> leafHashes(long from, long to) {
                return chain.leaves.subList((int) from, (int) to - 1);
            }
        };

        assertThatThrownBy(() -> new SubtreeProofs(shortOne, 600).inclusionProof(599))
                .isInstanceOf(SubtreeProofs.MissingLeavesException.class)
                .hasMessageContaining("512..599");
    }

    private static CompactRange compact(List<byte[]> leaves) {
        CompactRange range = new CompactRange();
        leaves.forEach(range::append);
        return range;
    }

    private static String key(int level, long index) {
        return level + "/" + index;
    }

    /** Leaves appended the way the sealer appends them, with the subtree roots it stores. */
    private static final class Chain {
        final List<byte[]> leaves = new ArrayList<>();
        final Map<String, byte[]> nodes = new HashMap<>();
        final CompactRange range = new CompactRange();

        Chain(int size) {
            Random random = new Random(size);
            List<MerkleNode> completed = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] mac = new byte[32];
                random.nextBytes(mac);
                byte[] leaf = Merkle.leafHash(mac);
                leaves.add(leaf);
                range.append(leaf, LEVEL, completed);
            }
            for (MerkleNode node : completed) {
                nodes.put(key(node.level(), node.index()), node.hash());
            }
        }

        Counting source() {
            return new Counting();
        }

        /** Counts what a proof reads. */
        final class Counting implements SubtreeSource {
            int leavesRead;
            int nodesRead;

            @Override
            public byte[] node(int level, long index) {
                nodesRead++;
                byte[] hash = nodes.get(key(level, index));
                return hash == null ? null : hash.clone();
            }

            @Override
            public List<byte[]> leafHashes(long from, long to) {
                leavesRead += (int) (to - from);
                return leaves.subList((int) from, (int) Math.min(to, leaves.size()));
            }
        }
    }
}
