package io.sigil.core.scan;

import java.util.regex.Pattern;

/**
 * Tells from a pattern's source whether its only capturing group spans the whole match ({@code \b(...)\b}):
 * the value is then the match itself, and RE2J need not run a second time to find the group's bounds.
 */
final class WholeMatchGroup {

    /** What may stand before the group: zero-width assertions and flag settings, nothing that reads a char. */
    private static final Pattern BEFORE = Pattern.compile("(?:\\\\b|\\^|\\(\\?[imsU]+\\))*");

    /** What may stand after the group: zero-width assertions only. */
    private static final Pattern AFTER = Pattern.compile("(?:\\\\b|\\$)*");

    private WholeMatchGroup() {}

    /**
     * Whether the pattern has exactly one capturing group and nothing outside it reads a char; false whenever
     * the source is not read with certainty (quoted text, unbalanced parentheses), which only costs speed.
     */
    static boolean spansWholeMatch(String regex) {
        if (regex.contains("\\Q")) {
            return false; // quoted text could hold parentheses that are not groups
        }
        int open = -1;
        int close = -1;
        int captures = 0;
        int depth = 0;
        int captureDepth = -1;
        boolean[] syntax = RegexSource.structural(regex);
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (!syntax[i]) {
                continue;
            }
            if (c == '(') {
                depth++;
                boolean capturing = !regex.startsWith("?", i + 1)
                        || regex.startsWith("?P<", i + 1)
                        || regex.startsWith("?<", i + 1);
                if (capturing) {
                    captures++;
                    open = i;
                    captureDepth = depth;
                }
            } else if (c == ')') {
                if (depth == captureDepth) {
                    close = i;
                    captureDepth = -1;
                }
                depth--;
                if (depth < 0) {
                    return false;
                }
            }
        }
        if (captures != 1 || close < 0 || depth != 0) {
            return false;
        }
        return BEFORE.matcher(regex.substring(0, open)).matches()
                && AFTER.matcher(regex.substring(close + 1)).matches();
    }
}
