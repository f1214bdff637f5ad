package io.sigil.runtime.rest;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Names the place in a request body where binding failed, as {@code human.acr.low} or {@code items[2]}. */
public final class BodyPaths {

    private static final int MAX_PATH = 120;

    private BodyPaths() {}

    /** The field's path, never its value; {@code the body} when the failure is at the top. */
    public static String of(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String named = path.isEmpty() ? "the body" : path.toString();
        return named.length() > MAX_PATH ? named.substring(0, MAX_PATH) + "..." : named;
    }
}
