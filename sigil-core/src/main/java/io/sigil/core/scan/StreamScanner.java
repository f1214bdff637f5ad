package io.sigil.core.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scans a chunked text stream (SSE events, a chunked HTTP body) and masks findings before the text leaves:
 * the last {@code carry} chars are always held back, so a secret split across chunks is seen whole and
 * replaced, never emitted in part. Each scan also sees {@link #CONTEXT} chars already emitted, so that a
 * keyword just before a held-back value still gates its detector. Spans of reported findings are offsets
 * into the stream as received. One per stream, not thread-safe; the engine it uses is shared.
 */
public final class StreamScanner {

    /** What may leave now: the masked text and the findings in it, with spans into the received stream. */
    public record Output(String text, List<Finding> findings) {

        public Output {
            findings = List.copyOf(findings);
        }
    }

    /** Chars of already emitted text that each scan sees before the held-back part. */
    public static final int CONTEXT = Detector.DEFAULT_WINDOW;

    private final ScanEngine engine;
    private final int carry;
    private final int step;
    private final StringBuilder pending = new StringBuilder();
    private String emittedTail = "";
    private int offset;
    private boolean finished;

    /**
     * @param carry chars always held back until more arrives; a secret longer than this can be emitted in
     *     part before it is recognised, so it must be at least the longest value to be caught whole
     * @param step chars that must arrive beyond {@code carry} before a scan runs: larger steps scan less
     *     often (each scan reads {@code carry + step + CONTEXT} chars) and delay the text by up to that much
     */
    public StreamScanner(ScanEngine engine, int carry, int step) {
        if (carry < 0 || step < 0) {
            throw new IllegalArgumentException("carry and step must not be negative");
        }
        this.engine = engine;
        this.carry = carry;
        this.step = step;
    }

    /** Takes the next chunk; returns what may be sent on now (often nothing while the carry fills). */
    public Output push(CharSequence chunk) {
        if (finished) {
            throw new IllegalStateException("the stream is finished");
        }
        pending.append(chunk);
        if (pending.length() < carry + Math.max(1, step)) {
            return new Output("", List.of());
        }
        return emit(pending.length() - carry);
    }

    /** The end of the stream: scans and returns everything held back. */
    public Output finish() {
        finished = true;
        return emit(pending.length());
    }

    private Output emit(int wanted) {
        String scanned = emittedTail + pending;
        int lead = emittedTail.length();
        ScanResult result = engine.scanResult(scanned);
        StringBuilder out = new StringBuilder();
        List<Finding> reported = new ArrayList<>();
        int boundary;
        if (result.truncated()) {
            // Fail closed: the scan could not look at everything, so nothing of it leaves readable.
            boundary = wanted;
            Finding incomplete = result.findings().stream()
                    .filter(f -> f.detectorId().equals(ScanEngine.INCOMPLETE_ID))
                    .findFirst()
                    .orElseThrow();
            out.append(mask(incomplete));
            reported.add(shifted(incomplete, offset, offset + boundary));
        } else {
            List<Finding> findings = new ArrayList<>(result.findings());
            findings.sort(Comparator.comparingInt(Finding::start));
            boundary = boundary(findings, lead, wanted);
            int written = 0;
            for (Finding f : findings) {
                int start = Math.max(0, f.start() - lead);
                int end = f.end() - lead;
                if (end <= written || start >= boundary) {
                    continue; // emitted before, overlapped by the previous mask, or still held back
                }
                out.append(pending, written, Math.max(written, start));
                out.append(mask(f));
                written = end;
                reported.add(shifted(f, offset + f.start() - lead, offset + end));
            }
            out.append(pending, Math.min(written, boundary), boundary);
        }
        String sent = pending.substring(0, boundary);
        String tail = emittedTail + sent;
        emittedTail = tail.substring(Math.max(0, tail.length() - CONTEXT));
        pending.delete(0, boundary);
        offset = Math.addExact(offset, boundary);
        return new Output(out.toString(), reported);
    }

    /**
     * The largest cut at or before {@code wanted} (in held-back coordinates) that is not inside a finding: a
     * finding that straddles the cut stays held back whole, to be masked as one.
     */
    private static int boundary(List<Finding> findings, int lead, int wanted) {
        int boundary = wanted;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Finding f : findings) {
                int start = f.start() - lead;
                int end = f.end() - lead;
                if (start < boundary && end > boundary && start >= 0) {
                    boundary = start;
                    moved = true;
                }
            }
        }
        return boundary;
    }

    private static String mask(Finding finding) {
        return "[SIGIL-REDACTED: " + finding.category() + "]";
    }

    private static Finding shifted(Finding f, int start, int end) {
        return new Finding(f.detectorId(), f.category(), f.severity(), Math.max(0, start), Math.max(start, end), null);
    }
}
