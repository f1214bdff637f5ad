package io.sigil.soc.cef;

/** The ArcSight CEF escaping rules for header fields and extension values. */
public final class CefEscaping {

    private CefEscaping() {}

    /** Header: backslash and pipe escaped; line breaks become spaces because the header cannot carry them. */
    public static String header(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\n', '\r' -> out.append(' ');
                default -> out.append(controlSafe(c));
            }
        }
        return out.toString();
    }

    /** Extension value: backslash, equals sign and line breaks escaped; a pipe needs no escape there. */
    public static String extension(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(controlSafe(c));
            }
        }
        return out.toString();
    }

    // CEF has no escape for other control characters, and a NUL ends the record in C-based collectors.
    private static char controlSafe(char c) {
        boolean control = (c < 0x20 && c != '\t') || c == 0x7f;
        return control ? '\uFFFD' : c;
    }
}
