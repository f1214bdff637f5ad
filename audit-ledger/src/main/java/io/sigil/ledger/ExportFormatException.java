package io.sigil.ledger;

import java.io.IOException;

/** An export file that cannot be read as one: names the line. */
public final class ExportFormatException extends IOException {
    private final long line;

    public ExportFormatException(long line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
