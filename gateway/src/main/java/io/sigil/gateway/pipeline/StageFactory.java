package io.sigil.gateway.pipeline;

/**
 * Builds a stage once at start-up. It validates the stage's configuration and fails start-up with a clear
 * message if it is wrong; the stages it builds are cheap and shared by all requests.
 */
public interface StageFactory {

    /** The name that configuration uses for this stage. */
    String name();

    Stage create();
}
