package dev.httpauth.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.httpauth.domain.support.Fixtures.START;
import static dev.httpauth.domain.support.Fixtures.accessToken;
import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenTest {

    @Test
    void lifetimeIsTimeBetweenObtainedAndExpiry() {
        AccessToken token = accessToken("t", START, Duration.ofMinutes(10));

        Duration lifetime = token.lifetime();

        assertThat(lifetime).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void lifetimeIsNeverNegative() {
        AccessToken token = new AccessToken(Secret.of("t"), "Bearer", START, START.minusSeconds(5), true, List.of());

        Duration lifetime = token.lifetime();

        assertThat(lifetime).isEqualTo(Duration.ZERO);
    }

    @Test
    void tokenExpiresAtExpiryInstant() {
        AccessToken token = accessToken("t", START, Duration.ofMinutes(10));

        assertThat(token.isExpiredAt(token.expiresAt().minusNanos(1))).isFalse();
        assertThat(token.isExpiredAt(token.expiresAt())).isTrue();
    }

    @Test
    void authorizationValueIsBearerAndToken() {
        AccessToken token = accessToken("eyJhbGciOi.payload.signature", START, Duration.ofMinutes(10));

        assertThat(token.authorizationValue().reveal()).isEqualTo("Bearer eyJhbGciOi.payload.signature");
        assertThat(token.value().reveal()).isEqualTo("eyJhbGciOi.payload.signature");
    }

    @Test
    void bearerCredentialsShareTheTokensCharacters() {
        AccessToken token = accessToken("t".repeat(1000), START, Duration.ofMinutes(10));

        RequestCredentials credentials = RequestCredentials.bearer(token);

        assertThat(credentials.headers().getFirst().value()).isSameAs(token.authorizationValue());
    }

    @Test
    void fingerprintIsTheTokensNotTheHeaders() {
        AccessToken token = accessToken("opaque-token", START, Duration.ofMinutes(10));

        assertThat(token.fingerprint()).isEqualTo(Secret.of("opaque-token").fingerprint());
    }

    @Test
    void toStringShowsNoToken() {
        AccessToken token = accessToken("opaque-token-7f3a", START, Duration.ofMinutes(10));

        assertThat(token.toString()).doesNotContain("opaque-token-7f3a").contains("redacted", "expiresAt=");
    }
}
