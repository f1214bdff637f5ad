package io.sigil.ledger.cli;

import io.sigil.ledger.ExportVerifier;
import io.sigil.ledger.VerificationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/** The offline verifier: {@code verify --export <file.ndjson> --root-key-file <file> [--public-key <base64>]}. */
public final class VerifyCommand {
    public static final int OK = 0;
    public static final int CHAIN_FAILED = 1;
    public static final int USAGE_OR_IO_ERROR = 2;

    static final String USAGE = "usage: verify --export <file.ndjson> --root-key-file <file with base64 root key>"
            + " [--public-key <base64 raw 32-byte Ed25519 key>]";

    public VerifyCommand() {}

    public static void main(String[] args) {
        System.exit(new VerifyCommand().run(args, System.out, System.err));
    }

    /** Runs the command; returns 0 when every chain verifies, 1 when one fails, 2 on a usage or I/O error. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return USAGE_OR_IO_ERROR;
        }
        if (options == null) {
            out.println(USAGE);
            return OK;
        }
        byte[] rootKey = null;
        try {
            rootKey = readRootKey(options.rootKeyFile());
            byte[] publicKey = decodePublicKey(options.publicKey());
            return verify(options.export(), rootKey, publicKey, out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return USAGE_OR_IO_ERROR;
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + e.getFile());
            return USAGE_OR_IO_ERROR;
        } catch (IOException e) {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return USAGE_OR_IO_ERROR;
        } catch (RuntimeException e) {
            // An auditor's tool answers with a sentence, not a stack trace.
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return USAGE_OR_IO_ERROR;
        } finally {
            if (rootKey != null) {
                Arrays.fill(rootKey, (byte) 0);
            }
        }
    }

    private static int verify(Path export, byte[] rootKey, byte[] publicKey, PrintStream out, PrintStream err)
            throws IOException {
        long started = System.nanoTime();
        ExportVerifier.Result result = ExportVerifier.verify(export, rootKey, publicKey);
        List<VerificationReport> reports = result.reports();
        if (publicKey == null && result.checkpoints() > 0) {
            err.println("warning: no --public-key given: checkpoint signatures are not verified, only their roots");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return report(reports, seconds, out);
    }

    private static int report(List<VerificationReport> reports, double seconds, PrintStream out) {
        long records = 0;
        int failed = 0;
        for (VerificationReport r : reports) {
            records += r.recordsChecked();
            if (r.ok()) {
                out.println("chain=" + r.chain() + " ok records=" + r.recordsChecked());
            } else {
                failed++;
                out.println("chain=" + r.chain() + " FAILED at seq=" + r.firstBadSeq() + ": " + r.failure() + " "
                        + r.detail());
            }
        }
        out.printf(
                "verified %d records in %d chain(s) in %.3f s (%.0f records/s): %s%n",
                records,
                reports.size(),
                seconds,
                seconds > 0 ? records / seconds : 0.0,
                failed == 0 ? "all ok" : failed + " chain(s) FAILED");
        return failed == 0 ? OK : CHAIN_FAILED;
    }

    private static byte[] readRootKey(Path file) throws IOException, UsageException {
        String text = Files.readString(file).strip();
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length < 16) {
                throw new UsageException(
                        "the root key in " + file + " has " + key.length + " bytes, expected 16 or more");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new UsageException("the root key file " + file + " does not hold base64: " + e.getMessage());
        }
    }

    private static byte[] decodePublicKey(String base64) throws UsageException {
        if (base64 == null) {
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--public-key is not base64: " + e.getMessage());
        }
        if (key.length != 32) {
            throw new UsageException("--public-key must be a raw 32-byte Ed25519 key, has " + key.length + " bytes");
        }
        return key;
    }

    /** A problem with what the user gave us, reported without a stack trace. */
    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** Parsed command line; null from {@link #parse} means help was asked for. */
    private record Options(Path export, Path rootKeyFile, String publicKey) {
        static Options parse(String[] args) {
            if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
                return null;
            }
            if (args.length == 0 || !args[0].equals("verify")) {
                throw new IllegalArgumentException(args.length == 0 ? "no command" : "unknown command " + args[0]);
            }
            Path export = null;
            Path rootKeyFile = null;
            String publicKey = null;
            for (int i = 1; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--help") || option.equals("-h")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--export" -> export = Path.of(value);
                    case "--root-key-file" -> rootKeyFile = Path.of(value);
                    case "--public-key" -> publicKey = value;
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (export == null || rootKeyFile == null) {
                throw new IllegalArgumentException("--export and --root-key-file are required");
            }
            return new Options(export, rootKeyFile, publicKey);
        }
    }
}
