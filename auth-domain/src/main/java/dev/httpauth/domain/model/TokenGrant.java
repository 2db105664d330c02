package dev.httpauth.domain.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful token response (RFC 6749 §5.1) as the token endpoint returned it.
 *
 * @param accessToken the {@code access_token}
 * @param tokenType the {@code token_type}, already checked to be {@code Bearer}
 * @param expiresIn the {@code expires_in}, if the server sent one
 * @param scopes the {@code scope}, if the server sent one
 */
public record TokenGrant(Secret accessToken, String tokenType, Optional<Duration> expiresIn, Optional<List<String>> scopes) {

    public TokenGrant {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(expiresIn, "expiresIn");
        scopes = scopes.map(List::copyOf);
    }
}
