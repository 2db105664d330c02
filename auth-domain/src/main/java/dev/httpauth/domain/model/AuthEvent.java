package dev.httpauth.domain.model;

import dev.httpauth.domain.error.AuthError;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened while authorizing requests. Events carry token fingerprints, never
 * tokens.
 */
public sealed interface AuthEvent {

    /** The connection whose request caused the event. */
    String connectionId();

    /** The token endpoint involved. */
    URI tokenEndpoint();

    /** A first token was obtained for a client. */
    record TokenObtained(String connectionId, URI tokenEndpoint, String clientId, String tokenFingerprint, Duration lifetime)
            implements AuthEvent {
    }

    /** A token that was due for refresh was replaced by a new one. */
    record TokenRefreshed(
            String connectionId,
            URI tokenEndpoint,
            String clientId,
            String tokenFingerprint,
            Duration lifetime,
            String previousFingerprint) implements AuthEvent {
    }

    /** A token request failed while no valid token existed, so callers got {@code error}. */
    record TokenRequestFailed(String connectionId, URI tokenEndpoint, String clientId, AuthError error) implements AuthEvent {
    }

    /** A refresh failed; callers keep getting the current token until {@code currentExpiresAt}. */
    record RefreshFailed(String connectionId, URI tokenEndpoint, String clientId, AuthError error, Instant currentExpiresAt)
            implements AuthEvent {
    }

    /**
     * The client secret changed after the token was obtained, for example because it was rotated
     * in its store. A refresh with the new secret has started, and callers keep the token until
     * the refresh replaces it.
     *
     * @param clientSecret the ref of the changed secret, never its value
     */
    record ClientSecretChanged(String connectionId, URI tokenEndpoint, String clientId, SecretRef clientSecret, String tokenFingerprint)
            implements AuthEvent {
    }

    /**
     * A check of the client secret for a rotation could not resolve it, so the cached token stays
     * in use. The next token request fails the same way unless the secret is restored first.
     *
     * @param clientSecret the ref of the secret, never its value
     * @param error why the secret could not be resolved
     */
    record ClientSecretCheckFailed(String connectionId, URI tokenEndpoint, String clientId, SecretRef clientSecret, AuthError error)
            implements AuthEvent {
    }

    /**
     * A resource server returned 401 to a request that carried the token.
     *
     * @param dropped whether the token was dropped from the cache. It is false when the token was
     *     no longer the cached one, because a newer token had replaced it or it came from another
     *     connection
     */
    record TokenRejected(String connectionId, URI tokenEndpoint, String clientId, String tokenFingerprint, boolean dropped)
            implements AuthEvent {
    }
}
