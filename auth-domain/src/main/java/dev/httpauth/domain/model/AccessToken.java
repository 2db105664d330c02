package dev.httpauth.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An access token obtained from a token endpoint.
 *
 * <p>The token's characters are kept once, as the {@code Authorization} header value that
 * presents it ({@code "Bearer " + token}, RFC 6750 §2.1). A JWT can be a few kilobytes long, and
 * a cache that held the token and its header value separately would keep it twice. So
 * {@link #authorizationValue()} costs nothing, while {@link #value()} copies the token out of it.
 *
 * <p>Two tokens are equal only when they are the same object, as with {@link Secret}.
 */
public final class AccessToken {

    private static final String BEARER_PREFIX = "Bearer ";

    private final Secret authorizationValue;
    private final String tokenType;
    private final Instant obtainedAt;
    private final Instant expiresAt;
    private final boolean lifetimeFromServer;
    private final List<String> grantedScopes;

    /**
     * @param value the token itself
     * @param tokenType the token type from the response, such as {@code Bearer}
     * @param obtainedAt when the token response arrived
     * @param expiresAt when the token expires: {@code obtainedAt + expires_in}, or
     *     {@code obtainedAt + TokenPolicy.defaultLifetime} when the server gave no lifetime
     * @param lifetimeFromServer whether the server sent {@code expires_in}
     * @param grantedScopes the scopes the server granted; the requested scopes when the response
     *     names none (RFC 6749 §5.1)
     */
    public AccessToken(
            Secret value,
            String tokenType,
            Instant obtainedAt,
            Instant expiresAt,
            boolean lifetimeFromServer,
            List<String> grantedScopes) {
        Objects.requireNonNull(value, "value");
        this.authorizationValue = Secret.of(BEARER_PREFIX + value.reveal());
        this.tokenType = Objects.requireNonNull(tokenType, "tokenType");
        this.obtainedAt = Objects.requireNonNull(obtainedAt, "obtainedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.lifetimeFromServer = lifetimeFromServer;
        this.grantedScopes = List.copyOf(grantedScopes);
    }

    /** The token itself. Each call copies it out of {@link #authorizationValue()}. */
    public Secret value() {
        return Secret.of(authorizationValue.reveal().substring(BEARER_PREFIX.length()));
    }

    /** The {@code Authorization} header value that presents the token: {@code "Bearer "} and the token. */
    public Secret authorizationValue() {
        return authorizationValue;
    }

    /** The token's fingerprint, as {@link Secret#fingerprint()} of {@link #value()} gives it. */
    public String fingerprint() {
        return value().fingerprint();
    }

    /** The token type from the response, such as {@code Bearer}. */
    public String tokenType() {
        return tokenType;
    }

    /** When the token response arrived. */
    public Instant obtainedAt() {
        return obtainedAt;
    }

    /** When the token expires. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the server sent {@code expires_in}. */
    public boolean lifetimeFromServer() {
        return lifetimeFromServer;
    }

    /** The scopes the server granted, or the requested ones when the response names none. */
    public List<String> grantedScopes() {
        return grantedScopes;
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

    @Override
    public String toString() {
        return "AccessToken[value=Secret[redacted], tokenType=" + tokenType + ", obtainedAt=" + obtainedAt
                + ", expiresAt=" + expiresAt + ", lifetimeFromServer=" + lifetimeFromServer + ", grantedScopes=" + grantedScopes + "]";
    }
}
