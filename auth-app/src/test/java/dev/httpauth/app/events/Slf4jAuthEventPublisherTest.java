package dev.httpauth.app.events;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.httpauth.app.fixture.MutableClock;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.SecretRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class Slf4jAuthEventPublisherTest {

    private static final URI TOKEN_ENDPOINT = URI.create("https://login.example.com:8443/oauth2/token");

    private final Logger logger = (Logger) LoggerFactory.getLogger(Slf4jAuthEventPublisher.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level configuredLevel;

    @BeforeEach
    void captureLines() {
        configuredLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void restoreLogger() {
        logger.detachAppender(lines);
        logger.setLevel(configuredLevel);
    }

    @Test
    void tokenObtainedIsLoggedAtInfoWithFingerprint() {
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher();

        publisher.publish(new AuthEvent.TokenObtained("crm", TOKEN_ENDPOINT, "crm-client", "sha256:0a1b2c3d", Duration.ofMinutes(60)));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getFormattedMessage()).isEqualTo(
                    "Connection 'crm': obtained a token from login.example.com:8443 for client 'crm-client', fingerprint sha256:0a1b2c3d, lifetime 3600 s");
        });
    }

    @Test
    void clientSecretChangeLogsRefAtInfo() {
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher();

        publisher.publish(new AuthEvent.ClientSecretChanged(
                "crm", TOKEN_ENDPOINT, "crm-client", new SecretRef("vault", "crm-client-secret"), "sha256:0a1b2c3d"));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getFormattedMessage()).isEqualTo(
                    "Connection 'crm': client secret vault:crm-client-secret changed since the token with fingerprint sha256:0a1b2c3d"
                            + " was obtained from login.example.com:8443 for client 'crm-client';"
                            + " refreshing it with the new secret, and the current token stays in use until then");
        });
    }

    @Test
    void failedSecretCheckLogsWarningWithRef() {
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher();
        SecretRef ref = new SecretRef("file", "/run/secrets/crm");

        publisher.publish(new AuthEvent.ClientSecretCheckFailed(
                "crm", TOKEN_ENDPOINT, "crm-client", ref, new AuthError.SecretUnavailable(ref, "the file does not exist")));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage())
                    .startsWith("Connection 'crm': cannot check client secret file:/run/secrets/crm for a rotation")
                    .contains("the file does not exist");
        });
    }

    @Test
    void tokenRequestFailedLogsWarning() {
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher();
        AuthError error = new AuthError.TokenRequestRejected(TOKEN_ENDPOINT, 401, "invalid_client", Optional.empty(), Optional.empty());

        publisher.publish(new AuthEvent.TokenRequestFailed("crm", TOKEN_ENDPOINT, "crm-client", error));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage())
                    .startsWith("Connection 'crm': token request to login.example.com:8443 for client 'crm-client' failed: ")
                    .contains("invalid_client");
        });
    }

    @Test
    void repeatedFailuresAreRateLimited() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher(clock, Duration.ofMinutes(1));
        AuthError error = new AuthError.TokenEndpointUnreachable(TOKEN_ENDPOINT, "connection refused");
        AuthEvent.TokenRequestFailed failure = new AuthEvent.TokenRequestFailed("crm", TOKEN_ENDPOINT, "crm-client", error);

        for (int i = 0; i < 5; i++) {
            publisher.publish(failure);
        }
        clock.advance(Duration.ofMinutes(1));
        publisher.publish(failure);

        assertThat(lines.list).hasSize(2);
        assertThat(lines.list.get(0).getFormattedMessage()).doesNotContain("not logged");
        assertThat(lines.list.get(1).getFormattedMessage()).endsWith("(4 similar failures were not logged)");
    }

    @Test
    void rateLimitIsPerConnection() {
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher();
        AuthError error = new AuthError.TokenEndpointUnreachable(TOKEN_ENDPOINT, "connection refused");

        publisher.publish(new AuthEvent.TokenRequestFailed("crm", TOKEN_ENDPOINT, "crm-client", error));
        publisher.publish(new AuthEvent.TokenRequestFailed("billing", TOKEN_ENDPOINT, "crm-client", error));

        assertThat(lines.list).hasSize(2);
    }

    @Test
    void refreshFailureNamesExpiryOfCurrentToken() {
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher();
        AuthError error = new AuthError.TokenRequestRejected(TOKEN_ENDPOINT, 503, "temporarily_unavailable", Optional.empty(), Optional.empty());

        publisher.publish(new AuthEvent.RefreshFailed("crm", TOKEN_ENDPOINT, "crm-client", error, Instant.parse("2026-01-01T01:00:00Z")));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("stays in use until 2026-01-01T01:00:00Z").contains("HTTP 503");
        });
    }

    @Test
    void rejectedTokenIsLoggedWithFingerprint() {
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher();

        publisher.publish(new AuthEvent.TokenRejected("crm", TOKEN_ENDPOINT, "crm-client", "sha256:0a1b2c3d", true));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("sha256:0a1b2c3d").endsWith("dropped it from the cache");
        });
    }

    @Test
    void rejectedTokenNotCachedClaimsNoReplacement() {
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher();

        publisher.publish(new AuthEvent.TokenRejected("crm", TOKEN_ENDPOINT, "crm-client", "sha256:0a1b2c3d", false));

        assertThat(lines.list).singleElement().satisfies(line ->
                assertThat(line.getFormattedMessage()).endsWith("it was no longer the cached token, for example because a newer one had replaced it"));
    }

    @Test
    void refreshedTokenNamesBothFingerprints() {
        Slf4jAuthEventPublisher publisher = new Slf4jAuthEventPublisher();

        publisher.publish(new AuthEvent.TokenRefreshed("crm", TOKEN_ENDPOINT, "crm-client", "sha256:22222222", Duration.ofMinutes(60), "sha256:11111111"));

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.INFO);
            assertThat(line.getFormattedMessage()).contains("fingerprint sha256:22222222 replaces sha256:11111111");
        });
    }

    @Test
    void hostAndPortOmitsMissingPort() {
        assertThat(Slf4jAuthEventPublisher.hostAndPort(URI.create("https://login.example.com/token"))).isEqualTo("login.example.com");
    }
}
