package io.sigil.core.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads, from a pattern's source, the literal text every match must begin with ({@code AKIA},
 * {@code [rs]k_live_}, {@code password}), so that the engine can try such a pattern only where one of its
 * keywords starts, anchored and forward, instead of sweeping windows around the hit. Conservative: any
 * construct it does not understand ends the literal, and a pattern it cannot read yields {@code null}.
 */
final class PatternHeads {

    private static final int MAX_HEADS = 64;
    private static final String LITERAL_PUNCTUATION = " _-/:=~\"'!@#%&,;<>`";

    private final String regex;
    /** Whether optional small classes ({@code [_\-. ]?}) are read as alternatives rather than ending the heads. */
    private final boolean expanding;

    private int pos;

    private PatternHeads(String regex, boolean expanding) {
        this.regex = regex;
        this.expanding = expanding;
    }

    /** A set of alternative literal prefixes, and whether they cover the whole construct read. */
    private record Heads(List<String> prefixes, boolean complete) {}

    /**
     * Whether every match of {@code regex} starts with one of {@code keywords} (case-insensitively), so
     * that a match can only begin where the keyword automaton reports a hit of that detector.
     */
    static boolean startsAtKeyword(String regex, List<String> keywords) {
        if (keywords.isEmpty() || hasSuffixKeyword(keywords)) {
            // The automaton reports one hit per end position and detector (the longest keyword): a keyword
            // that is a suffix of another could start a match at a position never reported.
            return false;
        }
        List<String> heads = heads(regex);
        if (heads == null || heads.isEmpty()) {
            return false;
        }
        for (String head : heads) {
            boolean covered = false;
            for (String keyword : keywords) {
                // A head may also be the start of a longer keyword ("gh" of "ghp_"): the detector's keywords
                // are its gate, so a match that does not begin with one was never meant to be found.
                String k = keyword.toLowerCase(Locale.ROOT);
                covered |= !head.isEmpty() && (head.startsWith(k) || k.startsWith(head));
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** Whether every branch of the pattern starts with a {@code \b} before its first literal. */
    static boolean startsWithWordBoundary(String regex) {
        String stripped = regex.startsWith("(?i)") ? regex.substring(4) : regex;
        for (String branch : topLevelBranches(stripped)) {
            String b = branch.startsWith("(?i)") ? branch.substring(4) : branch;
            if (!b.startsWith("\\b")) {
                return false;
            }
        }
        return true;
    }

    /** The literal prefixes, lower-cased, that every match starts with one of; null if unknown. */
    static List<String> heads(String regex) {
        return heads(regex, false);
    }

    /**
     * As {@link #heads(String)}, reading an optional class of literal chars ({@code api[_\-. ]?key}) as its
     * members or nothing, and stopping (rather than giving up) where the heads would grow past {@link #MAX_HEADS}:
     * longer heads for detectors tried where a head occurs ({@link HeadStarts}).
     */
    static List<String> expandedHeads(String regex) {
        return heads(regex, true);
    }

    private static List<String> heads(String regex, boolean expanding) {
        try {
            PatternHeads parser = new PatternHeads(regex, expanding);
            Heads heads = parser.alternation();
            if (heads == null || parser.pos != regex.length()) {
                return null;
            }
            return heads.prefixes().stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .toList();
        } catch (RuntimeException e) {
            return null; // a construct this reader does not follow: not eligible, never wrong
        }
    }

    private static boolean hasSuffixKeyword(List<String> keywords) {
        for (String a : keywords) {
            for (String b : keywords) {
                String la = a.toLowerCase(Locale.ROOT);
                String lb = b.toLowerCase(Locale.ROOT);
                if (!la.equals(lb) && lb.endsWith(la)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> topLevelBranches(String regex) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        boolean[] syntax = RegexSource.structural(regex);
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (!syntax[i]) {
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        out.add(regex.substring(from));
        return out;
    }

    private Heads alternation() {
        List<String> all = new ArrayList<>();
        boolean complete = true;
        while (true) {
            Heads branch = sequence();
            if (branch == null) {
                return null;
            }
            all.addAll(branch.prefixes());
            complete &= branch.complete();
            if (pos < regex.length() && regex.charAt(pos) == '|') {
                pos++;
            } else {
                return all.size() > MAX_HEADS ? null : new Heads(all, complete);
            }
        }
    }

    private Heads sequence() {
        List<String> prefixes = new ArrayList<>(List.of(""));
        boolean growing = true;
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '|' || c == ')') {
                break;
            }
            if (!growing) {
                skipItem();
                continue;
            }
            if (regex.startsWith("\\b", pos)) {
                pos += 2; // zero-width: consumes nothing
            } else if (c == '[' && smallClass() != null) {
                String members = smallClass();
                pos = regex.indexOf(']', pos) + 1;
                if (expanding && optionalAt(pos)) {
                    skipQuantifier();
                    List<String> grown = cross(prefixes, alternatives(members));
                    if (grown == null) {
                        growing = false; // the heads so far still begin every match
                    } else {
                        prefixes = grown;
                    }
                } else if (quantifierAt(pos)) {
                    skipQuantifier();
                    growing = false;
                } else {
                    prefixes = cross(
                            prefixes,
                            members.chars()
                                    .mapToObj(m -> String.valueOf((char) m))
                                    .toList());
                    if (prefixes == null) {
                        return null;
                    }
                }
            } else if (c == '(' && flagsOnly()) {
                pos = regex.indexOf(')', pos) + 1;
            } else if (c == '(') {
                pos = contentStart();
                Heads group = alternation();
                if (group == null || pos >= regex.length() || regex.charAt(pos) != ')') {
                    return null;
                }
                pos++;
                if (quantifierAt(pos)) {
                    skipQuantifier();
                    growing = false; // optional or repeated: what came before is still a prefix
                } else {
                    List<String> grown = cross(prefixes, group.prefixes());
                    if (grown == null && expanding) {
                        growing = false;
                    } else {
                        prefixes = grown;
                        growing = group.complete() && prefixes != null;
                        if (prefixes == null) {
                            return null;
                        }
                    }
                }
            } else {
                int length = literalLength();
                if (length == 0 || quantifierAt(pos + length)) {
                    growing = false;
                    skipItem();
                } else {
                    char literal = regex.charAt(pos + length - 1);
                    prefixes = prefixes.stream().map(p -> p + literal).toList();
                    pos += length;
                }
            }
        }
        return new Heads(prefixes, growing);
    }

    private static List<String> cross(List<String> left, List<String> right) {
        if ((long) left.size() * right.size() > MAX_HEADS) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String l : left) {
            for (String r : right) {
                out.add(l + r);
            }
        }
        return out;
    }

    /** Length of the literal char at pos (1, or 2 for an escaped punctuation char), or 0. */
    private int literalLength() {
        char c = regex.charAt(pos);
        if (c == '\\' && pos + 1 < regex.length()) {
            char next = regex.charAt(pos + 1);
            return Character.isLetterOrDigit(next) ? 0 : 2;
        }
        boolean plain = (c < 0x80 && Character.isLetterOrDigit(c)) || LITERAL_PUNCTUATION.indexOf(c) >= 0;
        return plain ? 1 : 0;
    }

    /**
     * The members of a short class of plain letters and digits such as {@code [rs]}, or null; when expanding, also of
     * literal punctuation, escaped or not ({@code [_\-. ]}).
     */
    private String smallClass() {
        int close = regex.indexOf(']', pos);
        if (close < 0 || close - pos - 1 > 8 || close == pos + 1) {
            return null;
        }
        String source = regex.substring(pos + 1, close);
        if (source.chars().allMatch(m -> m < 0x80 && Character.isLetterOrDigit(m))) {
            return source;
        }
        if (!expanding || source.startsWith("^") || source.endsWith("\\")) {
            return null;
        }
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            char m = source.charAt(i);
            if (m == '\\') {
                m = source.charAt(++i);
                if (Character.isLetterOrDigit(m)) {
                    return null; // a class escape such as \d
                }
            } else if (m == '-' && i > 0 && i < source.length() - 1) {
                return null; // a range
            }
            boolean literal =
                    (m < 0x80 && Character.isLetterOrDigit(m)) || m == '.' || LITERAL_PUNCTUATION.indexOf(m) >= 0;
            if (!literal) {
                return null;
            }
            members.append(m);
        }
        return members.toString();
    }

    /** Each member of a class, and the empty string (the class is optional). */
    private static List<String> alternatives(String members) {
        List<String> out = new ArrayList<>();
        members.chars().forEach(m -> out.add(String.valueOf((char) m)));
        out.add("");
        return out;
    }

    /** Whether the quantifier at {@code i} is {@code ?} (greedy or lazy): zero or one. */
    private boolean optionalAt(int i) {
        return i < regex.length() && regex.charAt(i) == '?';
    }

    private boolean flagsOnly() {
        if (!regex.startsWith("(?", pos)) {
            return false;
        }
        int i = pos + 2;
        while (i < regex.length() && Character.isLetter(regex.charAt(i))) {
            i++;
        }
        return i < regex.length() && regex.charAt(i) == ')';
    }

    /** Moves past {@code (}, {@code (?:} or {@code (?flags:}; named groups are not read. */
    private int contentStart() {
        if (!regex.startsWith("(?", pos)) {
            return pos + 1;
        }
        int i = pos + 2;
        while (i < regex.length() && Character.isLetter(regex.charAt(i))) {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ':') {
            return i + 1;
        }
        throw new IllegalArgumentException("unsupported group");
    }

    private boolean quantifierAt(int i) {
        if (i >= regex.length()) {
            return false;
        }
        char c = regex.charAt(i);
        return c == '?' || c == '*' || c == '+' || c == '{';
    }

    private void skipQuantifier() {
        if (regex.charAt(pos) == '{') {
            pos = regex.indexOf('}', pos) + 1;
        } else {
            pos++;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++; // lazy or possessive marker
        }
    }

    /** Skips one item (char, escape, class or group) and its quantifier. */
    private void skipItem() {
        char c = regex.charAt(pos);
        if (c == '\\') {
            pos += 2;
        } else if (c == '[') {
            pos++;
            if (pos < regex.length() && regex.charAt(pos) == '^') {
                pos++;
            }
            if (pos < regex.length() && regex.charAt(pos) == ']') {
                pos++;
            }
            while (regex.charAt(pos) != ']') {
                pos += regex.charAt(pos) == '\\' ? 2 : 1;
            }
            pos++;
        } else if (c == '(') {
            pos = flagsOnly() ? regex.indexOf(')', pos) : contentStart();
            if (regex.charAt(pos) != ')') {
                Heads ignored = alternation();
                if (ignored == null || regex.charAt(pos) != ')') {
                    throw new IllegalArgumentException("unbalanced group");
                }
            }
            pos++;
        } else {
            pos++;
        }
        if (quantifierAt(pos)) {
            skipQuantifier();
        }
    }
}
