package dev.httpauth.domain.model;

import dev.httpauth.domain.error.AuthError;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizationContextTest {

    private static final OutgoingRequest REQUEST = OutgoingRequest.of("POST", URI.create("https://api.example.com/hooks"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-15T10:00:00Z"), ZoneOffset.UTC);

    private static AuthorizationContext context(Map<String, Secret> secrets) {
        return new AuthorizationContext("hooks", REQUEST, secrets, CLOCK);
    }

    @Test
    void secretReturnsResolvedValueOfField() {
        AuthorizationContext context = context(Map.of("secret", Secret.of("s3cr3t-value")));

        assertThat(context.secret("secret").reveal()).isEqualTo("s3cr3t-value");
    }

    @Test
    void secretOfUndeclaredFieldNamesDeclaredFields() {
        AuthorizationContext context = context(Map.of("secret", Secret.of("s3cr3t-value")));

        assertThatThrownBy(() -> context.secret("key"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'key'")
                .hasMessageContaining("[secret]")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void secretsKeepOrderAndCannotChange() {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        secrets.put("b", Secret.of("1"));
        secrets.put("a", Secret.of("2"));
        AuthorizationContext context = context(secrets);
        secrets.clear();

        assertThat(context.secrets()).containsOnlyKeys("b", "a");
        assertThat(context.secrets().keySet()).containsExactly("b", "a");
        assertThatThrownBy(() -> context.secrets().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidConfigurationPointsAtFieldOfConnection() {
        AuthorizationContext context = context(Map.of());

        AuthError error = context.invalidConfiguration("secret", "is too short: store a key of at least 32 bytes");

        assertThat(error).isInstanceOfSatisfying(AuthError.InvalidConfiguration.class, invalid -> {
            assertThat(invalid.source()).isEqualTo("connection 'hooks'");
            assertThat(invalid.problems()).containsExactly(
                    new ConfigProblem("connections.hooks.auth.secret", "is too short: store a key of at least 32 bytes"));
        });
    }

    @Test
    void toStringShowsNoSecrets() {
        AuthorizationContext context = context(Map.of("secret", Secret.of("s3cr3t-value")));

        assertThat(context.toString())
                .isEqualTo("AuthorizationContext[connectionId=hooks, request=POST https://api.example.com/hooks]")
                .doesNotContain("s3cr3t-value");
    }
}
