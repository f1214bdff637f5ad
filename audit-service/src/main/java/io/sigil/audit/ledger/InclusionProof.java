package io.sigil.audit.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * That a record is in a chain's signed Merkle tree: the RFC 6962 audit path from its leaf to the root of the
 * latest checkpoint, which is included with its signature.
 */
public record InclusionProof(
        String chain,
        long seq,
        String leafHash,
        long treeSize,
        List<String> proof,
        String root,
        boolean verified,
        JsonNode checkpoint) {}
