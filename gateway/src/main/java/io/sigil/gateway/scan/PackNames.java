package io.sigil.gateway.scan;

/** Makes a name taken from an unverified record fit for a log line or an audit event: short and plain. */
final class PackNames {

    private static final int MAX = 64;

    private PackNames() {}

    static String safe(String name) {
        if (name == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX));
        for (int i = 0; i < name.length() && out.length() < MAX; i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == ':';
            out.append(plain ? c : '?');
        }
        return name.length() > MAX ? out + "…" : out.toString();
    }
}
