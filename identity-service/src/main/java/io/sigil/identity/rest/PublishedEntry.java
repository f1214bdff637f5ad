package io.sigil.identity.rest;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A write's answer: the entry as stored, with whether the identities topic has acknowledged it yet.
 *
 * @param entry the entry, its fields written at the top level
 * @param published false when the broker had not acknowledged it within the wait; the relay keeps trying
 */
public record PublishedEntry<T>(@JsonUnwrapped T entry, boolean published) {}
