package io.sigil.core.scan;

/** Reads a regex's source far enough to tell its syntax chars from escaped chars and char class members. */
final class RegexSource {

    private RegexSource() {}

    /**
     * Per char of the source: true when it stands outside escapes and char classes, where {@code (}, {@code
     * )}, {@code |}, {@code *}, {@code +} and {@code {} are syntax; false for an escape and the char it escapes,
     * and for a char class with its brackets (a {@code ]} right after {@code [} or {@code [^} is a member).
     */
    static boolean[] structural(String regex) {
        boolean[] out = new boolean[regex.length()];
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (regex.startsWith("^", i + 1)) {
                    i++;
                }
                if (regex.startsWith("]", i + 1)) {
                    i++;
                }
            } else {
                out[i] = true;
            }
        }
        return out;
    }
}
