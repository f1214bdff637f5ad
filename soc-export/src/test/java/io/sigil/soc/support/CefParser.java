package io.sigil.soc.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, strict CEF reader written from the spec, to check that what we emit reads back to what we meant. */
public final class CefParser {

    /** A parsed CEF record: the seven header fields and the extension map, all unescaped. */
    public record CefRecord(List<String> header, Map<String, String> extensions) {
        public String version() {
            return header.get(0);
        }

        public String vendor() {
            return header.get(1);
        }

        public String product() {
            return header.get(2);
        }

        public String deviceVersion() {
            return header.get(3);
        }

        public String signatureId() {
            return header.get(4);
        }

        public String name() {
            return header.get(5);
        }

        public int severity() {
            return Integer.parseInt(header.get(6));
        }

        /** A custom field by its label, e.g. label "chain" on cs2Label gives the value of cs2. */
        public String labelled(String label) {
            return extensions.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("Label") && e.getValue().equals(label))
                    .map(e -> extensions.get(e.getKey().substring(0, e.getKey().length() - "Label".length())))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no field labelled " + label + " in " + extensions));
        }
    }

    private CefParser() {}

    public static CefRecord parse(String line) {
        if (!line.startsWith("CEF:")) {
            throw new IllegalArgumentException("not a CEF line: " + line);
        }
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("raw line break in CEF line");
        }
        List<String> header = new ArrayList<>(7);
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (header.size() < 7) {
            if (i >= line.length()) {
                throw new IllegalArgumentException("CEF header has " + header.size() + " fields, needs 7: " + line);
            }
            char c = line.charAt(i++);
            if (c == '\\') {
                char next = line.charAt(i++);
                if (next != '\\' && next != '|') {
                    throw new IllegalArgumentException("bad header escape \\" + next);
                }
                field.append(next);
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        return new CefRecord(header, extensions(line.substring(i)));
    }

    private static Map<String, String> extensions(String text) {
        // Find every unescaped '=' and the key that runs back from it to a space or the start.
        List<int[]> keys = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=') {
                int start = i;
                while (start > 0 && isKeyChar(text.charAt(start - 1))) {
                    start--;
                }
                if (start == i || (start > 0 && text.charAt(start - 1) != ' ')) {
                    throw new IllegalArgumentException("unescaped '=' inside a value at " + i + ": " + text);
                }
                keys.add(new int[] {start, i});
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int k = 0; k < keys.size(); k++) {
            int[] key = keys.get(k);
            int valueEnd = k + 1 < keys.size() ? keys.get(k + 1)[0] - 1 : text.length();
            String name = text.substring(key[0], key[1]);
            if (out.put(name, unescape(text.substring(key[1] + 1, valueEnd))) != null) {
                throw new IllegalArgumentException("duplicate extension key " + name);
            }
        }
        return out;
    }

    private static boolean isKeyChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case '\\' -> out.append('\\');
                case '=' -> out.append('=');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw new IllegalArgumentException("bad extension escape \\" + next);
            }
        }
        return out.toString();
    }
}
