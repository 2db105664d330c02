package dev.httpauth.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An access token obtained from a token endpoint.
 *
 * @param value the token itself
 * @param tokenType the token type from the response, such as {@code Bearer}
 * @param obtainedAt when the token response arrived
 * @param expiresAt when the token expires: {@code obtainedAt + expires_in}, or
 *     {@code obtainedAt + TokenPolicy.defaultLifetime} when the server gave no lifetime
 * @param lifetimeFromServer whether the server sent {@code expires_in}
 * @param grantedScopes the scopes the server granted; the requested scopes when the response
 *     names none (RFC 6749 §5.1)
 */
public record AccessToken(
        Secret value,
        String tokenType,
        Instant obtainedAt,
        Instant expiresAt,
        boolean lifetimeFromServer,
        List<String> grantedScopes) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(obtainedAt, "obtainedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        grantedScopes = List.copyOf(grantedScopes);
    }

    /** The time between {@link #obtainedAt()} and {@link #expiresAt()}, never negative. */
    public Duration lifetime() {
        Duration lifetime = Duration.between(obtainedAt, expiresAt);
        return lifetime.isNegative() ? Duration.ZERO : lifetime;
    }

    /** Tells whether the token has expired at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
