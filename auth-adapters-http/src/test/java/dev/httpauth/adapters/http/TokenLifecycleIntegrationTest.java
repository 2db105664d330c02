package dev.httpauth.adapters.http;

import com.sun.net.httpserver.HttpExchange;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.TokenPolicy;
import dev.httpauth.domain.service.AuthorizationService;
import dev.httpauth.testkit.LoopbackAuthorizationServer;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token lifecycle of {@link AuthorizationService} over {@link TokenEndpointClient}, against
 * the testkit's authorization server and JDK HTTP server stubs for the 429, 503 and
 * {@code Retry-After} responses that a real server sends only under load. Servers run on 127.0.0.1. The
 * domain reads a manual clock, and the timeouts here only guard against a hang.
 */
class TokenLifecycleIntegrationTest {

    private static final String CLIENT_ID = "orders-service";
    private static final String CLIENT_SECRET = "c1ient-secret-of-orders";
    private static final SecretRef CLIENT_SECRET_REF = new SecretRef("memory", "client-secret");
    private static final OutgoingRequest GET_ORDERS = OutgoingRequest.of("GET", URI.create("https://api.example.com/orders"));
    private static final long TIMEOUT_SECONDS = 30;
    private static final int CALLERS = 64;

    /** Backs off 1 s, 2 s, 4 s, then 4 s, without jitter, and honours Retry-After up to 60 s. */
    private static final TokenPolicy POLICY = TokenPolicy.DEFAULT
            .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 0.0)
            .withMaxRetryAfter(Duration.ofSeconds(60));

    private static final RandomGenerator NO_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public double nextDouble() {
            return 0.0;
        }
    };

    /** Runs a background refresh on the calling thread, so it has finished when the call returns. */
    private static final Executor ON_CALLER_THREAD = Runnable::run;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-15T10:00:00Z"));
    private final List<AuthEvent> events = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stopServers() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
    }

    private <T extends AutoCloseable> T started(T server) {
        servers.add(server);
        return server;
    }

    private AuthorizationService service(URI tokenEndpoint, Executor refreshExecutor) {
        OAuthClientCredentials method = new OAuthClientCredentials(
                tokenEndpoint,
                CLIENT_ID,
                CLIENT_SECRET_REF,
                List.of("orders.read"),
                ClientAuthentication.CLIENT_SECRET_BASIC,
                Optional.empty(),
                Optional.empty(),
                POLICY);
        return new AuthorizationService(
                new ConnectionList(new Connection("orders", method)),
                ref -> Either.right(Secret.of(CLIENT_SECRET)),
                new TokenEndpointClient(TokenEndpointSettings.defaults(), clock),
                events::add,
                clock,
                refreshExecutor,
                NO_JITTER);
    }

    private static String authorizationHeader(Either<AuthError, RequestCredentials> result) {
        assertThat(result.isRight()).as("result %s", result).isTrue();
        return result.get().headers().getFirst().value().reveal();
    }

    private static void sendToken(HttpExchange exchange, String token) throws IOException {
        StubTokenServer.send(exchange, 200, "application/json",
                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static void sendUnavailable(HttpExchange exchange, Optional<String> retryAfter) throws IOException {
        retryAfter.ifPresent(value -> exchange.getResponseHeaders().set("Retry-After", value));
        StubTokenServer.send(exchange, 503, "application/json", "{\"error\":\"temporarily_unavailable\"}");
    }

    /**
     * Starts a token endpoint that responds to its first {@code failures} requests with 503 and
     * {@code retryAfter}, and to later ones with {@code stub-token-N}, N counting every request from 1.
     */
    private StubTokenServer unavailableFor(int failures, Optional<String> retryAfter) {
        AtomicInteger requests = new AtomicInteger();
        return started(StubTokenServer.with(exchange -> {
            int request = requests.incrementAndGet();
            if (request <= failures) {
                sendUnavailable(exchange, retryAfter);
            } else {
                sendToken(exchange, "stub-token-" + request);
            }
        }));
    }

    /**
     * Advances the clock in steps of 100 ms, authorizing at each, until the token endpoint gets a
     * request, and returns how far the clock moved. Until then every call must fail at once.
     */
    private Duration delayBeforeNextRequest(AuthorizationService service, StubTokenServer tokenEndpoint) {
        int requestsBefore = tokenEndpoint.requestCount();
        Duration waited = Duration.ZERO;
        while (tokenEndpoint.requestCount() == requestsBefore) {
            clock.advance(Duration.ofMillis(100));
            waited = waited.plus(Duration.ofMillis(100));
            Either<AuthError, RequestCredentials> result = service.authorize("orders", GET_ORDERS);
            if (tokenEndpoint.requestCount() == requestsBefore) {
                assertThat(result.isLeft()).as("result %s after %s", result, waited).isTrue();
            }
            assertThat(waited).as("delay before the next request").isLessThanOrEqualTo(Duration.ofMinutes(10));
        }
        return waited;
    }

    @Nested
    class SingleFlight {

        @Test
        void firstAcquisitionSendsOneTokenRequest() throws Exception {
            LoopbackAuthorizationServer authorizationServer = started(LoopbackAuthorizationServer.start().registerClient(CLIENT_ID, CLIENT_SECRET));
            AuthorizationService service = service(authorizationServer.tokenEndpoint(), ON_CALLER_THREAD);

            List<String> headers = authorizeConcurrently(service);

            assertThat(authorizationServer.tokenRequestCount()).isEqualTo(1);
            assertThat(headers).hasSize(CALLERS).containsOnly(headers.getFirst());
        }

        @Test
        void expirySendsOneTokenRequest() throws Exception {
            LoopbackAuthorizationServer authorizationServer = started(LoopbackAuthorizationServer.start().registerClient(CLIENT_ID, CLIENT_SECRET));
            AuthorizationService service = service(authorizationServer.tokenEndpoint(), ON_CALLER_THREAD);
            String expired = authorizationHeader(service.authorize("orders", GET_ORDERS));
            clock.advance(Duration.ofHours(1));

            List<String> headers = authorizeConcurrently(service);

            assertThat(authorizationServer.tokenRequestCount()).isEqualTo(2);
            assertThat(headers).hasSize(CALLERS).containsOnly(headers.getFirst()).doesNotContain(expired);
        }

        @Test
        void noCallerWaitsWhileRefreshIsBlocked() throws Exception {
            CountDownLatch refreshArrived = new CountDownLatch(1);
            CountDownLatch releaseRefresh = new CountDownLatch(1);
            AtomicInteger requests = new AtomicInteger();
            StubTokenServer tokenEndpoint = started(StubTokenServer.with(exchange -> {
                int request = requests.incrementAndGet();
                if (request == 2) {
                    refreshArrived.countDown();
                    awaitRelease(releaseRefresh);
                }
                sendToken(exchange, "stub-token-" + request);
            }));
            ExecutorService refreshPool = Executors.newVirtualThreadPerTaskExecutor();
            ExecutorService callerPool = Executors.newFixedThreadPool(CALLERS);
            try {
                AuthorizationService service = service(tokenEndpoint.tokenEndpoint(), refreshPool);
                service.authorize("orders", GET_ORDERS);
                clock.advance(Duration.ofMinutes(50));
                service.authorize("orders", GET_ORDERS);
                assertThat(refreshArrived.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("refresh reached the token endpoint").isTrue();

                List<CompletableFuture<Either<AuthError, RequestCredentials>>> results = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    results.add(CompletableFuture.supplyAsync(() -> service.authorize("orders", GET_ORDERS), callerPool));
                }
                CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                releaseRefresh.countDown();
                refreshPool.shutdown();
                assertThat(refreshPool.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("refresh finished").isTrue();

                assertThat(results).allSatisfy(result -> assertThat(authorizationHeader(result.join())).isEqualTo("Bearer stub-token-1"));
                assertThat(authorizationHeader(service.authorize("orders", GET_ORDERS))).isEqualTo("Bearer stub-token-2");
                assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
            } finally {
                releaseRefresh.countDown();
                refreshPool.shutdownNow();
                callerPool.shutdownNow();
            }
        }

        private static void awaitRelease(CountDownLatch release) {
            try {
                release.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private List<String> authorizeConcurrently(AuthorizationService service) throws Exception {
            CountDownLatch startGate = new CountDownLatch(1);
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                CompletableFuture<String> result = new CompletableFuture<>();
                results.add(result);
                Thread.ofPlatform().name("caller-" + i).start(() -> {
                    try {
                        startGate.await();
                        result.complete(authorizationHeader(service.authorize("orders", GET_ORDERS)));
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                });
            }
            startGate.countDown();

            List<String> headers = new ArrayList<>();
            for (CompletableFuture<String> result : results) {
                headers.add(result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return headers;
        }
    }

    @Nested
    class Backoff {

        @Test
        void serviceUnavailableBacksOff() {
            StubTokenServer tokenEndpoint = unavailableFor(1, Optional.empty());
            AuthorizationService service = service(tokenEndpoint.tokenEndpoint(), ON_CALLER_THREAD);
            Either<AuthError, RequestCredentials> failed = service.authorize("orders", GET_ORDERS);

            clock.advance(Duration.ofSeconds(1).minusNanos(1));
            Either<AuthError, RequestCredentials> withinBackoff = service.authorize("orders", GET_ORDERS);
            int requestsWithinBackoff = tokenEndpoint.requestCount();
            clock.advance(Duration.ofNanos(1));
            Either<AuthError, RequestCredentials> afterBackoff = service.authorize("orders", GET_ORDERS);

            assertThat(failed.getLeft()).isInstanceOfSatisfying(AuthError.TokenRequestRejected.class,
                    rejected -> assertThat(rejected.status()).isEqualTo(503));
            assertThat(withinBackoff.getLeft()).isEqualTo(failed.getLeft());
            assertThat(requestsWithinBackoff).isEqualTo(1);
            assertThat(authorizationHeader(afterBackoff)).isEqualTo("Bearer stub-token-2");
            assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
        }

        @Test
        void delaysDoubleUpToMax() {
            StubTokenServer tokenEndpoint = unavailableFor(Integer.MAX_VALUE, Optional.empty());
            AuthorizationService service = service(tokenEndpoint.tokenEndpoint(), ON_CALLER_THREAD);
            service.authorize("orders", GET_ORDERS);

            List<Duration> delays = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                delays.add(delayBeforeNextRequest(service, tokenEndpoint));
            }

            assertThat(delays).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(4));
        }

        @Test
        void retryAfterSecondsIsHonoured() {
            StubTokenServer tokenEndpoint = unavailableFor(1, Optional.of("20"));
            AuthorizationService service = service(tokenEndpoint.tokenEndpoint(), ON_CALLER_THREAD);
            Either<AuthError, RequestCredentials> failed = service.authorize("orders", GET_ORDERS);

            Duration delay = delayBeforeNextRequest(service, tokenEndpoint);

            assertThat(failed.getLeft().retryAfter()).isEqualTo(Duration.ofSeconds(20));
            assertThat(delay).isEqualTo(Duration.ofSeconds(20));
            assertThat(authorizationHeader(service.authorize("orders", GET_ORDERS))).isEqualTo("Bearer stub-token-2");
        }

        @Test
        void retryAfterDateIsHonoured() {
            String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(45).atOffset(ZoneOffset.UTC));
            AtomicInteger requests = new AtomicInteger();
            StubTokenServer tokenEndpoint = started(StubTokenServer.with(exchange -> {
                if (requests.incrementAndGet() == 1) {
                    exchange.getResponseHeaders().set("Retry-After", date);
                    StubTokenServer.send(exchange, 429, "text/html", "<h1>Too Many Requests</h1>");
                } else {
                    sendToken(exchange, "stub-token-2");
                }
            }));
            AuthorizationService service = service(tokenEndpoint.tokenEndpoint(), ON_CALLER_THREAD);
            Either<AuthError, RequestCredentials> failed = service.authorize("orders", GET_ORDERS);

            Duration delay = delayBeforeNextRequest(service, tokenEndpoint);

            assertThat(failed.getLeft()).isInstanceOf(AuthError.MalformedTokenResponse.class);
            assertThat(delay).isEqualTo(Duration.ofSeconds(45));
        }

        @Test
        void retryAfterIsCappedAtMaxRetryAfter() {
            StubTokenServer tokenEndpoint = unavailableFor(1, Optional.of("3600"));
            AuthorizationService service = service(tokenEndpoint.tokenEndpoint(), ON_CALLER_THREAD);
            service.authorize("orders", GET_ORDERS);

            Duration delay = delayBeforeNextRequest(service, tokenEndpoint);

            assertThat(delay).isEqualTo(Duration.ofSeconds(60));
        }
    }

    @Nested
    class RefreshFailure {

        @Test
        void failedRefreshKeepsServingToken() {
            AtomicInteger requests = new AtomicInteger();
            StubTokenServer tokenEndpoint = started(StubTokenServer.with(exchange -> {
                if (requests.incrementAndGet() == 2) {
                    sendUnavailable(exchange, Optional.empty());
                } else {
                    sendToken(exchange, "stub-token-" + requests.get());
                }
            }));
            AuthorizationService service = service(tokenEndpoint.tokenEndpoint(), ON_CALLER_THREAD);
            service.authorize("orders", GET_ORDERS);
            clock.advance(Duration.ofMinutes(50));

            Either<AuthError, RequestCredentials> duringFailedRefresh = service.authorize("orders", GET_ORDERS);
            Either<AuthError, RequestCredentials> afterFailedRefresh = service.authorize("orders", GET_ORDERS);

            assertThat(authorizationHeader(duringFailedRefresh)).isEqualTo("Bearer stub-token-1");
            assertThat(authorizationHeader(afterFailedRefresh)).isEqualTo("Bearer stub-token-1");
            assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
            assertThat(events).filteredOn(AuthEvent.RefreshFailed.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(AuthEvent.RefreshFailed.class, failed -> assertThat(failed.error().isRetryable()).isTrue());
        }

        @Test
        void invalidClientIsNotRetriedWhileTokenValid() {
            LoopbackAuthorizationServer authorizationServer = started(LoopbackAuthorizationServer.start().registerClient(CLIENT_ID, CLIENT_SECRET));
            AuthorizationService service = service(authorizationServer.tokenEndpoint(), ON_CALLER_THREAD);
            String first = authorizationHeader(service.authorize("orders", GET_ORDERS));
            authorizationServer.registerClient(CLIENT_ID, "rotated-secret-the-client-lacks");
            clock.advance(Duration.ofMinutes(48));

            List<String> headersWhileValid = new ArrayList<>();
            for (int minute = 48; minute < 60; minute++) {
                headersWhileValid.add(authorizationHeader(service.authorize("orders", GET_ORDERS)));
                clock.advance(Duration.ofMinutes(1));
            }
            int requestsWhileValid = authorizationServer.tokenRequestCount();
            Either<AuthError, RequestCredentials> atExpiry = service.authorize("orders", GET_ORDERS);

            assertThat(headersWhileValid).containsOnly(first);
            assertThat(requestsWhileValid).isEqualTo(2);
            assertThat(atExpiry.getLeft()).isInstanceOfSatisfying(AuthError.TokenRequestRejected.class,
                    rejected -> assertThat(rejected.error()).isEqualTo("invalid_client"));
            assertThat(authorizationServer.tokenRequestCount()).isEqualTo(3);
        }
    }
}
