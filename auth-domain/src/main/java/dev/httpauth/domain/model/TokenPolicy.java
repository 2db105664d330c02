package dev.httpauth.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The numbers that govern an access token's life in the cache.
 *
 * @param refreshSkew how long before expiry a token is replaced; capped at half the token's
 *     lifetime so that a short-lived token is still used for a while
 * @param defaultLifetime the lifetime assumed when the token response has no {@code expires_in}
 */
public record TokenPolicy(Duration refreshSkew, Duration defaultLifetime) {

    /** A 60 second refresh skew and a 5 minute lifetime for tokens whose lifetime is not given. */
    public static final TokenPolicy DEFAULT = new TokenPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5));

    public TokenPolicy {
        Objects.requireNonNull(refreshSkew, "refreshSkew");
        Objects.requireNonNull(defaultLifetime, "defaultLifetime");
        if (refreshSkew.isNegative()) {
            throw new IllegalArgumentException("refreshSkew must not be negative, but was " + refreshSkew);
        }
        if (defaultLifetime.isNegative() || defaultLifetime.isZero()) {
            throw new IllegalArgumentException("defaultLifetime must be positive, but was " + defaultLifetime);
        }
    }

    /**
     * Returns the instant from which {@code token} is replaced:
     * {@code expiresAt - min(refreshSkew, lifetime / 2)}, where
     * {@code lifetime = expiresAt - obtainedAt}.
     */
    public Instant refreshAt(AccessToken token) {
        Duration lifetime = token.lifetime();
        Duration skew = refreshSkew.compareTo(lifetime.dividedBy(2)) <= 0 ? refreshSkew : lifetime.dividedBy(2);
        return token.expiresAt().minus(skew);
    }

    /** Tells whether {@code token} should be replaced at {@code now}, see {@link #refreshAt}. */
    public boolean needsRefresh(AccessToken token, Instant now) {
        return !now.isBefore(refreshAt(token));
    }
}
