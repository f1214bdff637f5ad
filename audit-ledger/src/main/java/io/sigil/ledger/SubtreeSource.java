package io.sigil.ledger;

import java.util.List;

/** Where {@link SubtreeProofs} reads a chain's stored subtree roots and, for the lowest levels, its leaves. */
public interface SubtreeSource {

    /** The stored root of the perfect subtree, or null when it was not stored (it is then computed below it). */
    byte[] node(int level, long index);

    /** The leaf hashes of leaves {@code from} (inclusive) to {@code to} (exclusive), in order; fewer if missing. */
    List<byte[]> leafHashes(long from, long to);
}
