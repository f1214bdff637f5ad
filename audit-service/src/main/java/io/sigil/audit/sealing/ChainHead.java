package io.sigil.audit.sealing;

/**
 * Where a chain stands: its last sealed record and the next Kafka offset of its partition to seal.
 *
 * @param headSeq the last sequence number, -1 for an empty chain
 */
public record ChainHead(String chain, int partition, long nextOffset, long headSeq, byte[] headMac) {

    public static String chainOf(String topic, int partition) {
        return topic + "-" + partition;
    }

    public static ChainHead empty(String topic, int partition, byte[] genesisPrevMac) {
        return new ChainHead(chainOf(topic, partition), partition, 0, -1, genesisPrevMac);
    }

    public ChainHead advance(long offset, long seq, byte[] mac) {
        return new ChainHead(chain, partition, offset + 1, seq, mac);
    }
}
