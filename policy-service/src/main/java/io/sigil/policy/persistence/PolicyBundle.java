package io.sigil.policy.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One version of a policy bundle, as stored, served and published on the policies topic.
 *
 * @param id the bundle's id; its versions share it
 * @param version the bundle's version, from 1 upwards
 * @param content the bundle's rules, a JSON object
 * @param createdAt when this version was stored
 */
public record PolicyBundle(String id, int version, JsonNode content, @JsonProperty("created_at") Instant createdAt) {}
