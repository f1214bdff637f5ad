package io.sigil.gateway.auth;

/**
 * The access token of an {@code Authorization} header and the scheme it came with: {@code Bearer} (RFC 6750) or
 * {@code DPoP} (RFC 9449). Any other scheme, or an empty token, is no token at all.
 */
record PresentedToken(String token, boolean dpop) {

    private static final String BEARER = "bearer ";
    private static final String DPOP = "dpop ";

    static PresentedToken from(String header) {
        if (header == null) {
            return null;
        }
        boolean dpop = startsWith(header, DPOP);
        if (!dpop && !startsWith(header, BEARER)) {
            return null;
        }
        String token = header.substring(dpop ? DPOP.length() : BEARER.length()).trim();
        return token.isEmpty() ? null : new PresentedToken(token, dpop);
    }

    private static boolean startsWith(String header, String scheme) {
        return header.length() > scheme.length() && header.regionMatches(true, 0, scheme, 0, scheme.length());
    }
}
