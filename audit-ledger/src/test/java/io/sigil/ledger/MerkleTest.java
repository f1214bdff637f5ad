package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTest {

    @Test
    void leafAndNodeHashesUseTheRfc6962Prefixes() throws Exception {
        byte[] data = {1, 2, 3};
        assertThat(Merkle.leafHash(data)).isEqualTo(sha256(new byte[] {0}, data));
        byte[] l = sha256(new byte[] {9});
        byte[] r = sha256(new byte[] {8});
        assertThat(Merkle.nodeHash(l, r)).isEqualTo(sha256(new byte[] {1}, l, r));
    }

    @Test
    void emptyTreeRootIsSha256OfNothing() {
        assertThat(Hex.encode(Merkle.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new CompactRange().root()).isEqualTo(Merkle.root(List.of()));
    }

    @Test
    void smallTreesByHand() {
        List<byte[]> l = leaves(5);
        assertThat(Merkle.root(l.subList(0, 1))).isEqualTo(l.get(0));
        assertThat(Merkle.root(l.subList(0, 2))).isEqualTo(node(l.get(0), l.get(1)));
        assertThat(Merkle.root(l.subList(0, 3))).isEqualTo(node(node(l.get(0), l.get(1)), l.get(2)));
        assertThat(Merkle.root(l)).isEqualTo(node(node(node(l.get(0), l.get(1)), node(l.get(2), l.get(3))), l.get(4)));
    }

    @Test
    void rootAndCompactRangeMatchTheRecursiveDefinitionForSizes0To70() {
        List<byte[]> all = leaves(70);
        CompactRange range = new CompactRange();
        for (int n = 0; n <= 70; n++) {
            List<byte[]> prefix = all.subList(0, n);
            byte[] expected = referenceRoot(prefix);
            assertThat(Merkle.root(prefix)).as("MTH of %d leaves", n).isEqualTo(expected);
            assertThat(range.size()).isEqualTo(n);
            assertThat(range.root()).as("compact range of %d leaves", n).isEqualTo(expected);
            assertThat(range.subtreeHashes()).hasSize(Long.bitCount(n));
            if (n < 70) {
                range.append(all.get(n));
            }
        }
    }

    @Test
    void compactRangeResumesFromItsSavedState() {
        List<byte[]> all = leaves(45);
        CompactRange first = new CompactRange();
        all.subList(0, 29).forEach(first::append);
        CompactRange resumed = CompactRange.restore(first.size(), first.subtreeHashes());
        all.subList(29, 45).forEach(resumed::append);
        assertThat(resumed.root()).isEqualTo(referenceRoot(all));
        assertThatThrownBy(() -> CompactRange.restore(29, List.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appendLeafDataHashesTheLeaf() {
        CompactRange a = new CompactRange();
        CompactRange b = new CompactRange();
        for (int i = 0; i < 9; i++) {
            byte[] data = {(byte) i, 42};
            a.appendLeafData(data);
            b.append(Merkle.leafHash(data));
        }
        assertThat(a.root()).isEqualTo(b.root());
    }

    @Test
    void auditPathByHandForLeaf5Of7() {
        List<byte[]> l = leaves(7);
        byte[] left4 = node(node(l.get(0), l.get(1)), node(l.get(2), l.get(3)));
        assertThat(Merkle.inclusionProof(5, l)).containsExactly(l.get(4), l.get(6), left4);
    }

    @Test
    void everyProofVerifiesForSizes1To70() {
        List<byte[]> all = leaves(70);
        for (int n = 1; n <= 70; n++) {
            List<byte[]> tree = all.subList(0, n);
            byte[] root = referenceRoot(tree);
            for (int i = 0; i < n; i++) {
                List<byte[]> proof = Merkle.inclusionProof(i, tree);
                assertThat(Merkle.verifyInclusion(i, n, tree.get(i), proof, root))
                        .as("leaf %d of %d", i, n)
                        .isTrue();
            }
        }
    }

    @Test
    void tamperedProofsFail() {
        List<byte[]> tree = leaves(13);
        byte[] root = Merkle.root(tree);
        int index = 6;
        List<byte[]> proof = Merkle.inclusionProof(index, tree);
        byte[] leaf = tree.get(index);
        assertThat(Merkle.verifyInclusion(index, 13, leaf, proof, root)).isTrue();

        assertThat(Merkle.verifyInclusion(index + 1, 13, leaf, proof, root))
                .as("wrong index")
                .isFalse();
        assertThat(Merkle.verifyInclusion(index, 13, tree.get(7), proof, root))
                .as("wrong leaf")
                .isFalse();
        assertThat(Merkle.verifyInclusion(index, 13, leaf, proof, Merkle.root(tree.subList(0, 12))))
                .as("wrong root")
                .isFalse();
        assertThat(Merkle.verifyInclusion(index, 13, leaf, proof.subList(0, proof.size() - 1), root))
                .as("truncated proof")
                .isFalse();
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(Merkle.verifyInclusion(index, 13, leaf, longer, root))
                .as("extra element")
                .isFalse();
        List<byte[]> flipped = new ArrayList<>(proof);
        byte[] changed = flipped.get(1).clone();
        changed[0] ^= 1;
        flipped.set(1, changed);
        assertThat(Merkle.verifyInclusion(index, 13, leaf, flipped, root))
                .as("altered sibling")
                .isFalse();
        assertThat(Merkle.verifyInclusion(index, 7, leaf, proof, root))
                .as("wrong tree size")
                .isFalse();
        assertThat(Merkle.verifyInclusion(13, 13, leaf, proof, root))
                .as("index past the end")
                .isFalse();
        assertThat(Merkle.verifyInclusion(-1, 13, leaf, proof, root))
                .as("negative index")
                .isFalse();
    }

    @Test
    void singleLeafTreeHasAnEmptyProof() {
        List<byte[]> tree = leaves(1);
        assertThat(Merkle.inclusionProof(0, tree)).isEmpty();
        assertThat(Merkle.verifyInclusion(0, 1, tree.get(0), List.of(), tree.get(0)))
                .isTrue();
        assertThatThrownBy(() -> Merkle.inclusionProof(1, tree)).isInstanceOf(IllegalArgumentException.class);
    }

    /** MTH straight from RFC 6962 §2.1, with its own split and digest code. */
    private static byte[] referenceRoot(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return node(referenceRoot(leafHashes.subList(0, k)), referenceRoot(leafHashes.subList(k, n)));
    }

    private static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[] {1}, left, right);
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(sha256(new byte[] {0}, ("leaf " + i).getBytes()));
        }
        return out;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
