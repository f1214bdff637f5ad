package io.sigil.policy.registry;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request to store a policy bundle version, as sent by an administrator; nothing in it is trusted before
 * {@link PolicyRegistry} has validated it.
 *
 * @param id the bundle's id
 * @param version the version to store, from 1 upwards
 * @param content the bundle's rules, a JSON object
 */
public record NewPolicyBundle(String id, Integer version, JsonNode content) {}
