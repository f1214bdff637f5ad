package io.sigil.soc.syslog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One RFC 5424 SD-ELEMENT: an SD-ID and its parameters, in insertion order. */
public record SdElement(String id, Map<String, String> params) {

    public SdElement {
        Objects.requireNonNull(id, "id");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** {@code [id name="value" ...]} with PARAM-VALUE escaping of {@code "}, {@code \} and {@code ]}. */
    public String render() {
        StringBuilder out = new StringBuilder(64).append('[').append(SyslogMessage.sdName(id));
        params.forEach((name, value) -> out.append(' ')
                .append(SyslogMessage.sdName(name))
                .append("=\"")
                .append(escape(value))
                .append('"'));
        return out.append(']').toString();
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 4);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                out.append('\\');
            }
            // Line-based collectors split records on a raw line break even inside octet-counted frames.
            out.append(c < 0x20 || c == 0x7f ? '\uFFFD' : c);
        }
        return out.toString();
    }
}
