package dev.httpauth.domain.model;

import dev.httpauth.domain.error.AuthError;

import java.net.URI;
import java.time.Duration;

/**
 * Something that happened while authorizing requests. Events carry token fingerprints, never tokens.
 */
public sealed interface AuthEvent {

    /** The connection whose request caused the event. */
    String connectionId();

    /** A token was obtained from {@code tokenEndpoint}. */
    record TokenObtained(String connectionId, URI tokenEndpoint, String clientId, String tokenFingerprint, Duration lifetime)
            implements AuthEvent {
    }

    /** A token request to {@code tokenEndpoint} failed with {@code error}. */
    record TokenRequestFailed(String connectionId, URI tokenEndpoint, String clientId, AuthError error) implements AuthEvent {
    }
}
