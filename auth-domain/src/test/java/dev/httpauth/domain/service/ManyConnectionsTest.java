package dev.httpauth.domain.service;

import dev.httpauth.domain.support.MutableClock;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.httpauth.domain.service.ScriptedRequester.TOKEN_ENDPOINT;
import static dev.httpauth.domain.service.ServiceFakes.CLIENT_SECRET_REF;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service configured with many OAuth connections starts no thread per connection. Memory per
 * connection is measured by the benchmarks, not here.
 */
class ManyConnectionsTest {

    private static final int CONNECTIONS = 100_000;
    private static final int AUTHORIZED = 20;
    private static final OutgoingRequest GET_ORDERS = OutgoingRequest.of("GET", URI.create("https://api.example.com/orders"));

    /**
     * Threads that may start while the test runs whatever the number of connections: the carrier
     * threads of virtual threads, up to one per processor, plus a margin for JVM housekeeping.
     */
    private static final int THREAD_ALLOWANCE = Runtime.getRuntime().availableProcessors() + 16;

    private static List<Connection> oauthConnections(int count) {
        List<Connection> connections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            OAuthClientCredentials method = OAuthClientCredentials.of(TOKEN_ENDPOINT, "client-" + i, CLIENT_SECRET_REF, List.of("crm.read"));
            connections.add(new Connection("connection-" + i, method));
        }
        return connections;
    }

    @Test
    void hundredThousandConnectionsStartNoThreadPerConnection() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MutableClock clock = MutableClock.at(Instant.parse("2025-01-15T10:00:00Z"));
        ServiceFakes.ScriptedTokenPort tokenEndpoint = ServiceFakes.ScriptedTokenPort.numberedTokens(Duration.ofHours(1));
        ServiceFakes.MapConnections connections = new ServiceFakes.MapConnections(oauthConnections(CONNECTIONS));
        long startedBefore = threads.getTotalStartedThreadCount();
        int liveBefore = threads.getThreadCount();

        AuthorizationService service = new AuthorizationService(
                connections, ServiceFakes.secretsResolvingTo("client-secret"), tokenEndpoint, new ServiceFakes.RecordedEvents(), clock);
        List<Either<AuthError, RequestCredentials>> results = IntStream.range(0, AUTHORIZED)
                .mapToObj(i -> service.authorize("connection-" + (i * (CONNECTIONS / AUTHORIZED)), GET_ORDERS))
                .toList();
        long started = threads.getTotalStartedThreadCount() - startedBefore;
        int live = threads.getThreadCount();

        assertThat(connections.loadAllConnections().get()).hasSize(CONNECTIONS);
        assertThat(results).allSatisfy(result -> assertThat(result.isRight()).as("result %s", result).isTrue());
        assertThat(tokenEndpoint.requestCount()).isEqualTo(AUTHORIZED);
        assertThat(started).as("platform threads started").isLessThanOrEqualTo(THREAD_ALLOWANCE);
        assertThat(live).as("live platform threads").isLessThanOrEqualTo(liveBefore + THREAD_ALLOWANCE);
    }

    @Test
    void refreshTasksFollowAuthorizedConnectionsOnly() {
        MutableClock clock = MutableClock.at(Instant.parse("2025-01-15T10:00:00Z"));
        RecordingExecutor refreshExecutor = new RecordingExecutor();
        ServiceFakes.ScriptedTokenPort tokenEndpoint = ServiceFakes.ScriptedTokenPort.numberedTokens(Duration.ofHours(1));
        AuthorizationService service = new AuthorizationService(
                new ServiceFakes.MapConnections(oauthConnections(CONNECTIONS)),
                ServiceFakes.secretsResolvingTo("client-secret"),
                tokenEndpoint,
                new ServiceFakes.RecordedEvents(),
                clock,
                refreshExecutor,
                TokenCacheLifecycleTest.fixedRandom(0.0));
        List<String> authorized = IntStream.range(0, AUTHORIZED).mapToObj(i -> "connection-" + (i * 7)).toList();
        authorized.forEach(id -> service.authorize(id, GET_ORDERS));

        clock.advance(Duration.ofMinutes(50));
        authorized.forEach(id -> service.authorize(id, GET_ORDERS));
        int refreshTasks = refreshExecutor.submittedCount();
        refreshExecutor.runQueued();

        assertThat(refreshTasks).isEqualTo(AUTHORIZED);
        assertThat(tokenEndpoint.requestCount()).isEqualTo(2 * AUTHORIZED);
    }
}
