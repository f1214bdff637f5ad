package io.sigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A batch of lines is bounded like a batch of entries, so the events parsed from it always fit one. */
class LineBatchTest {
    @Test
    void holdsAtMostABlockOfBytesAndTheEntryBatchCount() {
        LineBatch batch = new LineBatch();
        byte[] line = new byte[2000];
        int added = 0;
        while (batch.fits(line.length)) {
            batch.add(line, 0, line.length, added + 2, 2000L * added);
            added++;
        }
        assertThat(added).isEqualTo(EntryBatch.BLOCK / line.length);
        LineBatch small = new LineBatch();
        for (int i = 0; i < EntryBatch.SIZE; i++) {
            assertThat(small.fits(1)).isTrue();
            small.add(line, 0, 1, i, i);
        }
        assertThat(small.fits(1)).isFalse();
    }

    @Test
    void keepsEachLineWithItsNumberAndOffsetAndALongLineTravelsAlone() {
        byte[] in = "xx{\"a\":1}\n{\"b\":22}".getBytes(StandardCharsets.UTF_8);
        LineBatch batch = new LineBatch();
        batch.add(in, 2, 9, 5, 100);
        batch.add(in, 10, in.length, 6, 108);
        assertThat(new String(batch.bytes, batch.starts[1], batch.ends[1] - batch.starts[1], StandardCharsets.UTF_8))
                .isEqualTo("{\"b\":22}");
        assertThat(batch.numbers[0]).isEqualTo(5);
        assertThat(batch.positions[1]).isEqualTo(108);

        byte[] huge = new byte[EntryBatch.BLOCK + 10];
        Arrays.fill(huge, (byte) 'h');
        assertThat(batch.fits(huge.length)).isFalse();
        batch.clear();
        assertThat(batch.fits(huge.length)).isTrue();
        batch.add(huge, 0, huge.length, 7, 0);
        assertThat(batch.fits(1)).isFalse();
        assertThat(Arrays.equals(batch.bytes, batch.starts[0], batch.ends[0], huge, 0, huge.length))
                .isTrue();
        batch.clear();
        assertThat(batch.bytes.length).isEqualTo(EntryBatch.BLOCK); // the long line's array is not kept
    }
}
