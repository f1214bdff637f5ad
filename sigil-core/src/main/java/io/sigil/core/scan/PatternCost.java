package io.sigil.core.scan;

/**
 * A deterministic estimate of how many NFA instructions a pattern compiles to (a bounded repetition
 * {@code x{m,n}} counts its atom n times), so that the work budget can charge a wide pattern more per char
 * than a narrow one: RE2J's cost per char grows with the number of threads alive, which this bounds. A
 * function of the pattern text only, never of the machine.
 */
final class PatternCost {

    private final String regex;
    private int pos;

    private PatternCost(String regex) {
        this.regex = regex;
    }

    /** The estimated instruction count, at least 1. */
    static long of(String regex) {
        PatternCost parser = new PatternCost(regex);
        long size = 0;
        while (parser.pos < regex.length()) {
            size += parser.alternation();
            parser.pos++; // an unbalanced ')' is skipped: RE2J has already refused such a pattern
        }
        return Math.max(1, size);
    }

    private long alternation() {
        long size = sequence();
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            size += 1 + sequence();
        }
        return size;
    }

    private long sequence() {
        long size = 0;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            long atom = atom();
            size += atom * repeat();
        }
        return size;
    }

    private long atom() {
        char c = regex.charAt(pos);
        if (c == '(') {
            pos++;
            if (pos < regex.length() && regex.charAt(pos) == '?') {
                while (pos < regex.length() && regex.charAt(pos) != ':' && regex.charAt(pos) != ')') {
                    pos++;
                }
                if (pos < regex.length() && regex.charAt(pos) == ')') {
                    pos++;
                    return 0; // flags only, e.g. (?i)
                }
                pos++;
            }
            long inner = alternation();
            pos++; // ')'
            return 1 + inner;
        }
        if (c == '[') {
            pos++;
            if (pos < regex.length() && regex.charAt(pos) == '^') {
                pos++;
            }
            if (pos < regex.length() && regex.charAt(pos) == ']') {
                pos++;
            }
            while (pos < regex.length() && regex.charAt(pos) != ']') {
                pos += regex.charAt(pos) == '\\' ? 2 : 1;
            }
            pos++;
            return 1;
        }
        pos += c == '\\' ? 2 : 1;
        return 1;
    }

    /** The largest count of the quantifier at pos (consumed), 1 without one; unbounded counts its minimum + 1. */
    private long repeat() {
        if (pos >= regex.length()) {
            return 1;
        }
        char c = regex.charAt(pos);
        long times = 1;
        if (c == '?' || c == '*' || c == '+') {
            pos++;
            times = c == '+' ? 2 : 1;
        } else if (c == '{') {
            int close = regex.indexOf('}', pos);
            String[] bounds =
                    close < 0 ? new String[0] : regex.substring(pos + 1, close).split(",", -1);
            if (bounds.length == 0 || !bounds[0].matches("[0-9]+")) {
                return 1; // a literal '{'
            }
            long min = Long.parseLong(bounds[0]);
            long max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + 1 : Long.parseLong(bounds[1]);
            times = Math.max(1, max);
            pos = close + 1;
        } else {
            return 1;
        }
        if (pos < regex.length() && regex.charAt(pos) == '?') {
            pos++;
        }
        return times;
    }
}
