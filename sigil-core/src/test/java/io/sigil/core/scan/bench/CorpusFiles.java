package io.sigil.core.scan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the side-by-side corpus to a directory, so that the SIGIL engine and secretlint read the same
 * bytes: {@code doc-NNN.txt} and {@code planted.json} ({@code [{file, kind, start, end}]}).
 * Usage: {@code CorpusFiles <dir> [count] [size]}.
 */
public final class CorpusFiles {

    /** Seed of the side-by-side corpus; the JMH messages use another seed of the same generator. */
    public static final long SEED = 20261123;

    private CorpusFiles() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 16 * 1024;
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        ArrayNode planted = json.createArrayNode();
        List<MixedCorpus.Document> documents = MixedCorpus.generate(SEED, count, size);
        for (MixedCorpus.Document document : documents) {
            Files.writeString(dir.resolve(document.name()), document.text(), StandardCharsets.US_ASCII);
            for (MixedCorpus.Planted p : document.planted()) {
                planted.addObject()
                        .put("file", document.name())
                        .put("kind", p.kind())
                        .put("start", p.start())
                        .put("end", p.end());
            }
        }
        json.writerWithDefaultPrettyPrinter()
                .writeValue(dir.resolve("planted.json").toFile(), planted);
        System.out.printf("wrote %d documents, %d planted secrets to %s%n", documents.size(), planted.size(), dir);
    }
}
