package dev.httpauth.adapters.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenEndpointSettingsTest {

    @Test
    void defaultsAreFiveTenAnd64KiB() {
        TokenEndpointSettings settings = TokenEndpointSettings.defaults();

        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxResponseBytes()).isEqualTo(65_536);
    }

    @Test
    void zeroConnectTimeoutIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenEndpointSettings(Duration.ZERO, Duration.ofSeconds(1), 1024))
                .withMessage("connectTimeout must be positive, but is PT0S");
    }

    @Test
    void negativeRequestTimeoutIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenEndpointSettings(Duration.ofSeconds(1), Duration.ofSeconds(-1), 1024))
                .withMessage("requestTimeout must be positive, but is PT-1S");
    }

    @Test
    void zeroBodyLimitIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TokenEndpointSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .withMessage("maxResponseBytes must be at least 1, but is 0");
    }
}
