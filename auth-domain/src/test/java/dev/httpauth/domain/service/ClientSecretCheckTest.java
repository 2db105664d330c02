package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.in.ConnectionAuthorizer;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import dev.httpauth.domain.support.MutableClock;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static dev.httpauth.domain.service.ScriptedRequester.TOKEN_ENDPOINT;
import static dev.httpauth.domain.service.ServiceFakes.CLIENT_SECRET_REF;
import static dev.httpauth.domain.service.TokenCacheLifecycleTest.fixedRandom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cached token is refreshed once a check finds that its client secret changed. */
class ClientSecretCheckTest {

    private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(30);
    private static final OutgoingRequest GET_ORDERS = OutgoingRequest.of("GET", URI.create("https://api.example.com/orders"));
    private static final OAuthClientCredentials OAUTH = OAuthClientCredentials.of(TOKEN_ENDPOINT, "crm-client", CLIENT_SECRET_REF, List.of());
    private static final Connection CRM = new Connection("crm", OAUTH);

    private final MutableClock clock = MutableClock.at(START);
    private final ServiceFakes.RecordedEvents events = new ServiceFakes.RecordedEvents();
    private final RotatingSecret clientSecret = new RotatingSecret("first-secret-1a2b");
    private final RecordingExecutor refreshExecutor = new RecordingExecutor();
    private ServiceFakes.ScriptedTokenPort tokenEndpoint = ServiceFakes.ScriptedTokenPort.numberedTokens(Duration.ofHours(1));

    private AuthorizationService serviceCheckingEvery(Duration interval) {
        return new AuthorizationService(
                new ServiceFakes.MapConnections(List.of(CRM)),
                clientSecret,
                tokenEndpoint,
                events,
                clock,
                refreshExecutor,
                fixedRandom(0.0),
                interval);
    }

    private static String authorizationHeader(Either<AuthError, RequestCredentials> result) {
        return result.get().headers().getFirst().value().reveal();
    }

    @Test
    void rotatedSecretRefreshesTokenOnceCheckIsDue() {
        AuthorizationService service = serviceCheckingEvery(CHECK_INTERVAL);
        service.authorize("crm", GET_ORDERS);

        clientSecret.rotateTo("second-secret-3c4d");
        clock.advance(CHECK_INTERVAL.minusMillis(1));
        Either<AuthError, RequestCredentials> beforeCheck = service.authorize("crm", GET_ORDERS);
        int resolvesBeforeCheck = clientSecret.resolveCount();
        clock.advance(Duration.ofMillis(1));
        Either<AuthError, RequestCredentials> atCheck = service.authorize("crm", GET_ORDERS);
        int refreshes = refreshExecutor.runQueued();
        Either<AuthError, RequestCredentials> afterRefresh = service.authorize("crm", GET_ORDERS);

        assertThat(authorizationHeader(beforeCheck)).isEqualTo("Bearer token-1");
        assertThat(resolvesBeforeCheck).as("only the first token request resolved the secret").isEqualTo(1);
        assertThat(authorizationHeader(atCheck)).as("callers keep the valid token while it is refreshed").isEqualTo("Bearer token-1");
        assertThat(refreshes).isEqualTo(1);
        assertThat(authorizationHeader(afterRefresh)).isEqualTo("Bearer token-2");
        assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
        assertThat(events.ofType(AuthEvent.ClientSecretChanged.class)).singleElement().satisfies(changed -> {
            assertThat(changed.connectionId()).isEqualTo("crm");
            assertThat(changed.clientSecret()).isEqualTo(CLIENT_SECRET_REF);
            assertThat(changed.tokenFingerprint()).isEqualTo(Secret.of("token-1").fingerprint());
        });
    }

    @Test
    void unchangedSecretKeepsToken() {
        AuthorizationService service = serviceCheckingEvery(CHECK_INTERVAL);
        service.authorize("crm", GET_ORDERS);

        for (int second = 0; second < 95; second++) {
            clock.advance(Duration.ofSeconds(1));
            service.authorize("crm", GET_ORDERS);
        }

        assertThat(tokenEndpoint.requestCount()).isEqualTo(1);
        assertThat(clientSecret.resolveCount()).as("one resolve for the token, then one per 30 s check").isEqualTo(1 + 3);
        assertThat(events.ofType(AuthEvent.ClientSecretChanged.class)).isEmpty();
    }

    @Test
    void zeroIntervalChecksEveryRequest() {
        AuthorizationService service = serviceCheckingEvery(Duration.ZERO);
        service.authorize("crm", GET_ORDERS);

        service.authorize("crm", GET_ORDERS);
        service.authorize("crm", GET_ORDERS);
        clientSecret.rotateTo("second-secret-3c4d");
        service.authorize("crm", GET_ORDERS);
        service.authorize("crm", GET_ORDERS);
        int resolvesBeforeRefresh = clientSecret.resolveCount();
        refreshExecutor.runQueued();
        Either<AuthError, RequestCredentials> afterRefresh = service.authorize("crm", GET_ORDERS);

        assertThat(resolvesBeforeRefresh).as("the token, two checks, the check that found the change; none while the refresh waits")
                .isEqualTo(1 + 2 + 1);
        assertThat(authorizationHeader(afterRefresh)).isEqualTo("Bearer token-2");
        assertThat(events.ofType(AuthEvent.ClientSecretChanged.class)).hasSize(1);
    }

    @Test
    void rotationEndsBackOffOfOldSecret() {
        // The server switched to the new secret first: the refresh with the old one fails with
        // invalid_client, which backs off until the token expires.
        tokenEndpoint = new ServiceFakes.ScriptedTokenPort(call -> call == 2
                ? Either.left(ScriptedRequester.INVALID_CLIENT)
                : Either.right(ServiceFakes.ScriptedTokenPort.grant("token-" + call, Duration.ofHours(1))));
        AuthorizationService service = serviceCheckingEvery(CHECK_INTERVAL);
        service.authorize("crm", GET_ORDERS);
        clock.advance(Duration.ofMinutes(50));
        service.authorize("crm", GET_ORDERS);
        refreshExecutor.runQueued();

        clientSecret.rotateTo("second-secret-3c4d");
        clock.advance(CHECK_INTERVAL);
        Either<AuthError, RequestCredentials> atCheck = service.authorize("crm", GET_ORDERS);
        refreshExecutor.runQueued();
        Either<AuthError, RequestCredentials> afterRefresh = service.authorize("crm", GET_ORDERS);

        assertThat(authorizationHeader(atCheck)).isEqualTo("Bearer token-1");
        assertThat(authorizationHeader(afterRefresh)).isEqualTo("Bearer token-3");
        assertThat(tokenEndpoint.requestCount()).isEqualTo(3);
    }

    @Test
    void failedRefreshWithNewSecretKeepsValidToken() {
        tokenEndpoint = new ServiceFakes.ScriptedTokenPort(call -> call == 1
                ? Either.right(ServiceFakes.ScriptedTokenPort.grant("token-1", Duration.ofHours(1)))
                : Either.left(ScriptedRequester.INVALID_CLIENT));
        AuthorizationService service = serviceCheckingEvery(CHECK_INTERVAL);
        service.authorize("crm", GET_ORDERS);

        clientSecret.rotateTo("second-secret-3c4d");
        clock.advance(CHECK_INTERVAL);
        service.authorize("crm", GET_ORDERS);
        refreshExecutor.runQueued();
        clock.advance(Duration.ofMinutes(10));
        Either<AuthError, RequestCredentials> later = service.authorize("crm", GET_ORDERS);

        assertThat(authorizationHeader(later)).as("the server may not accept the new secret yet").isEqualTo("Bearer token-1");
        assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
        assertThat(events.ofType(AuthEvent.RefreshFailed.class)).hasSize(1);
    }

    @Test
    void concurrentCallersReportChangeOnce() throws InterruptedException {
        AuthorizationService service = serviceCheckingEvery(Duration.ZERO);
        service.authorize("crm", GET_ORDERS);
        clientSecret.rotateTo("second-secret-3c4d");

        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofPlatform().start(() -> {
                for (int call = 0; call < 2_000; call++) {
                    service.authorize("crm", GET_ORDERS);
                }
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(events.ofType(AuthEvent.ClientSecretChanged.class)).hasSize(1);
        assertThat(refreshExecutor.runQueued()).isEqualTo(1);
    }

    @Test
    void unresolvableSecretKeepsValidToken() {
        AuthorizationService service = serviceCheckingEvery(CHECK_INTERVAL);
        service.authorize("crm", GET_ORDERS);

        clientSecret.remove();
        clock.advance(CHECK_INTERVAL);
        Either<AuthError, RequestCredentials> atCheck = service.authorize("crm", GET_ORDERS);

        assertThat(authorizationHeader(atCheck)).isEqualTo("Bearer token-1");
        assertThat(tokenEndpoint.requestCount()).isEqualTo(1);
        assertThat(events.ofType(AuthEvent.ClientSecretChanged.class)).isEmpty();
        assertThat(events.ofType(AuthEvent.ClientSecretCheckFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.clientSecret()).isEqualTo(CLIENT_SECRET_REF);
            assertThat(failed.error()).isInstanceOf(AuthError.SecretUnavailable.class);
        });
    }

    @Test
    void handleChecksSecretLikeLookupById() {
        AuthorizationService service = serviceCheckingEvery(CHECK_INTERVAL);
        ConnectionAuthorizer handle = service.authorizer("crm").get();
        handle.authorize(GET_ORDERS);

        clientSecret.rotateTo("second-secret-3c4d");
        clock.advance(CHECK_INTERVAL);
        handle.authorize(GET_ORDERS);
        refreshExecutor.runQueued();
        Either<AuthError, RequestCredentials> afterRefresh = handle.authorize(GET_ORDERS);

        assertThat(authorizationHeader(afterRefresh)).isEqualTo("Bearer token-2");
    }

    @Test
    void eventNamesRefButNotSecretValues() {
        AuthorizationService service = serviceCheckingEvery(Duration.ZERO);
        service.authorize("crm", GET_ORDERS);

        clientSecret.rotateTo("second-secret-3c4d");
        service.authorize("crm", GET_ORDERS);
        refreshExecutor.runQueued();

        assertThat(events.all().toString())
                .contains(CLIENT_SECRET_REF.toString())
                .doesNotContain("first-secret-1a2b", "second-secret-3c4d", "token-1", "token-2");
    }

    @Test
    void negativeIntervalIsRejected() {
        assertThatThrownBy(() -> serviceCheckingEvery(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The credentials check interval must not be negative, but was PT-1S");
    }

    /** A secret store holding one client secret that a test can rotate or remove, counting resolves. */
    private static final class RotatingSecret implements ResolveSecretPort {

        private final AtomicReference<String> value;
        private final AtomicInteger resolves = new AtomicInteger();

        RotatingSecret(String initial) {
            this.value = new AtomicReference<>(initial);
        }

        void rotateTo(String next) {
            value.set(next);
        }

        void remove() {
            value.set(null);
        }

        int resolveCount() {
            return resolves.get();
        }

        @Override
        public Either<AuthError, Secret> resolve(SecretRef ref) {
            resolves.incrementAndGet();
            String current = value.get();
            return current == null
                    ? Either.left(new AuthError.SecretUnavailable(ref, "the test removed it"))
                    : Either.right(Secret.of(current));
        }
    }
}
