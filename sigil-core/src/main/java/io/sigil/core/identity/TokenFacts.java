package io.sigil.core.identity;

import java.time.Instant;
import java.util.List;

/**
 * What a verified token says about the three trust axes.
 *
 * @param human whether a person authenticated (false for a client's own service-account token)
 * @param acr the person's authentication context class, e.g. {@code substantial}; null when absent
 * @param amr the authentication methods the person used; empty when absent
 * @param authTime when the person authenticated; null when the token does not say
 * @param clientAuthentication how the client authenticated to the identity provider, e.g. {@code private_key_jwt};
 *     null when the token does not say
 * @param binding whether and how the token is sender-constrained
 */
public record TokenFacts(
        boolean human,
        String acr,
        List<String> amr,
        Instant authTime,
        String clientAuthentication,
        TokenBinding binding) {

    public TokenFacts {
        amr = amr == null ? List.of() : List.copyOf(amr);
        binding = binding == null ? TokenBinding.BEARER : binding;
    }
}
