package io.sigil.identity.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import io.sigil.core.identity.TrustRules;
import jakarta.inject.Singleton;

/**
 * Refuses request bodies with fields this service does not know, trust rules included (whose shared record
 * tolerates them for the gateway's sake): a misspelt {@code max_trust_levl} in a patch must be an error, not a
 * silently ignored change. Stored documents are read leniently by the repositories.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.addMixIn(TrustRules.class, Strict.class);
        mapper.addMixIn(TrustRules.HumanRules.class, Strict.class);
    }

    /** Replaces the shared records' {@code ignoreUnknown = true}. */
    @JsonIgnoreProperties(ignoreUnknown = false)
    private interface Strict {}
}
