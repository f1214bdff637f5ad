package io.sigil.soc.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** A strict RFC 5424 reader for tests: header fields, structured data with PARAM-VALUE unescaping, and MSG. */
public final class Rfc5424Parser {

    /** A parsed message; {@code msg} excludes the BOM, {@code bom} says whether one was there. */
    public record Parsed(
            int pri,
            String timestamp,
            String hostname,
            String appName,
            String procId,
            String msgId,
            Map<String, Map<String, String>> structuredData,
            boolean bom,
            String msg) {

        public int facility() {
            return pri / 8;
        }

        public int severity() {
            return pri % 8;
        }
    }

    private final String text;
    private int pos;

    private Rfc5424Parser(String text) {
        this.text = text;
    }

    public static Parsed parse(String message) {
        return new Rfc5424Parser(message).message();
    }

    private Parsed message() {
        expect('<');
        int close = text.indexOf('>', pos);
        int pri = Integer.parseInt(text.substring(pos, close));
        if (pri < 0 || pri > 191 || close - pos > 3) {
            throw new IllegalArgumentException("bad PRI");
        }
        pos = close + 1;
        expect('1');
        expect(' ');
        String timestamp = token();
        String hostname = token();
        String appName = token();
        String procId = token();
        String msgId = token();
        Map<String, Map<String, String>> sd = structuredData();
        boolean bom = false;
        String msg = "";
        if (pos < text.length()) {
            expect(' ');
            msg = text.substring(pos);
            if (msg.startsWith("\uFEFF")) {
                bom = true;
                msg = msg.substring(1);
            }
        }
        return new Parsed(pri, timestamp, hostname, appName, procId, msgId, sd, bom, msg);
    }

    private String token() {
        int end = text.indexOf(' ', pos);
        String token = text.substring(pos, end);
        for (char c : token.toCharArray()) {
            if (c < 33 || c > 126) {
                throw new IllegalArgumentException("non-PRINTUSASCII header field: " + token);
            }
        }
        pos = end + 1;
        return token;
    }

    private Map<String, Map<String, String>> structuredData() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (text.startsWith("-", pos)) {
            pos++;
            return out;
        }
        while (pos < text.length() && text.charAt(pos) == '[') {
            pos++;
            String id = name();
            Map<String, String> params = new LinkedHashMap<>();
            while (text.charAt(pos) == ' ') {
                pos++;
                String param = name();
                expect('=');
                expect('"');
                params.put(param, paramValue());
            }
            expect(']');
            out.put(id, params);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("structured data is neither '-' nor an element");
        }
        return out;
    }

    private String name() {
        int start = pos;
        while (" =]\"".indexOf(text.charAt(pos)) < 0) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String paramValue() {
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == ']') {
                throw new IllegalArgumentException("unescaped ']' in PARAM-VALUE");
            }
            if (c == '\\' && "\"\\]".indexOf(text.charAt(pos)) >= 0) {
                c = text.charAt(pos++);
            }
            out.append(c);
        }
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in: " + text);
        }
        pos++;
    }
}
