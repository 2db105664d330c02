package dev.httpauth.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.httpauth.domain.support.Fixtures.START;
import static dev.httpauth.domain.support.Fixtures.accessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenPolicyTest {

    private static final TokenPolicy ONE_MINUTE_SKEW = new TokenPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5));

    @Test
    void longTokenRefreshesSkewBeforeExpiry() {
        AccessToken token = accessToken("t", START, Duration.ofHours(1));

        Instant refreshAt = ONE_MINUTE_SKEW.refreshAt(token);

        assertThat(refreshAt).isEqualTo(START.plus(Duration.ofMinutes(59)));
    }

    @Test
    void shortTokenRefreshesAtHalfLifetime() {
        AccessToken token = accessToken("t", START, Duration.ofSeconds(30));

        Instant refreshAt = ONE_MINUTE_SKEW.refreshAt(token);

        assertThat(refreshAt).isEqualTo(START.plusSeconds(15));
    }

    @Test
    void lifetimeOfTwiceSkewRefreshesAtSkew() {
        AccessToken token = accessToken("t", START, Duration.ofSeconds(120));

        Instant refreshAt = ONE_MINUTE_SKEW.refreshAt(token);

        assertThat(refreshAt).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void zeroLifetimeTokenRefreshesAtOnce() {
        AccessToken token = accessToken("t", START, Duration.ZERO);

        boolean needsRefresh = ONE_MINUTE_SKEW.needsRefresh(token, START);

        assertThat(needsRefresh).isTrue();
    }

    @Test
    void zeroSkewRefreshesAtExpiry() {
        TokenPolicy noSkew = new TokenPolicy(Duration.ZERO, Duration.ofMinutes(5));
        AccessToken token = accessToken("t", START, Duration.ofHours(1));

        Instant refreshAt = noSkew.refreshAt(token);

        assertThat(refreshAt).isEqualTo(token.expiresAt());
    }

    @Test
    void needsRefreshFromRefreshInstantOn() {
        AccessToken token = accessToken("t", START, Duration.ofHours(1));
        Instant refreshAt = START.plus(Duration.ofMinutes(59));

        boolean justBefore = ONE_MINUTE_SKEW.needsRefresh(token, refreshAt.minusNanos(1));
        boolean atRefreshInstant = ONE_MINUTE_SKEW.needsRefresh(token, refreshAt);
        boolean afterExpiry = ONE_MINUTE_SKEW.needsRefresh(token, token.expiresAt().plusSeconds(1));

        assertThat(justBefore).isFalse();
        assertThat(atRefreshInstant).isTrue();
        assertThat(afterExpiry).isTrue();
    }

    @Test
    void defaultPolicyHasDocumentedNumbers() {
        TokenPolicy policy = TokenPolicy.DEFAULT;

        assertThat(policy.refreshSkew()).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.defaultLifetime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void negativeSkewIsRejected() {
        assertThatThrownBy(() -> new TokenPolicy(Duration.ofSeconds(-1), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refreshSkew")
                .hasMessageContaining("PT-1S");
    }

    @Test
    void zeroDefaultLifetimeIsRejected() {
        assertThatThrownBy(() -> new TokenPolicy(Duration.ofSeconds(60), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultLifetime")
                .hasMessageContaining("PT0S");
    }
}
