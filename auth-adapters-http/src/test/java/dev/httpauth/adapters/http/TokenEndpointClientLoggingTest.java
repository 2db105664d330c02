package dev.httpauth.adapters.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TokenRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointClientLoggingTest {

    private static final String CLIENT_SECRET = "l0gged-secret-never";
    private static final String ACCESS_TOKEN = "t0ken-never-logged";

    private final Logger logger = (Logger) LoggerFactory.getLogger(TokenEndpointClient.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureDebugLines() {
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void restoreLogger() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(true);
    }

    private static TokenRequest request(StubTokenServer server) {
        return new TokenRequest(server.tokenEndpoint(), "orders-service", Secret.of(CLIENT_SECRET), List.of("orders.read"),
                ClientAuthentication.CLIENT_SECRET_POST, Optional.empty(), Optional.empty());
    }

    @Test
    void successLogsEndpointAndStatusOnly() {
        TokenEndpointClient client = new TokenEndpointClient(TokenEndpointSettings.defaults());
        try (StubTokenServer server = StubTokenServer.respondingJson(
                "{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":60}")) {
            client.requestToken(request(server));

            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
                assertThat(event.getFormattedMessage())
                        .contains(server.tokenEndpoint().toString())
                        .contains("orders-service")
                        .contains("HTTP 200")
                        .doesNotContain(CLIENT_SECRET)
                        .doesNotContain(ACCESS_TOKEN);
            });
        }
    }

    @Test
    void rejectionLogsNoSecret() {
        TokenEndpointClient client = new TokenEndpointClient(TokenEndpointSettings.defaults());
        String body = "{\"error\":\"invalid_client\",\"error_description\":\"bad secret " + CLIENT_SECRET + "\"}";
        try (StubTokenServer server = StubTokenServer.responding(401, "application/json", body, Map.of())) {
            client.requestToken(request(server));

            assertThat(appender.list).isNotEmpty();
            assertThat(appender.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(CLIENT_SECRET));
        }
    }
}
