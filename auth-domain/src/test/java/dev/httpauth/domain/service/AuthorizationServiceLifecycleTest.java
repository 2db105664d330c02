package dev.httpauth.domain.service;

import dev.httpauth.domain.support.MutableClock;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.httpauth.domain.service.ScriptedRequester.TOKEN_ENDPOINT;
import static dev.httpauth.domain.service.ScriptedRequester.UNAVAILABLE;
import static dev.httpauth.domain.service.ServiceFakes.CLIENT_SECRET_REF;
import static dev.httpauth.domain.service.TokenCacheLifecycleTest.fixedRandom;
import static org.assertj.core.api.Assertions.assertThat;

/** Refresh events, rejected tokens and reused credentials of {@link AuthorizationService}. */
class AuthorizationServiceLifecycleTest {

    private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final OutgoingRequest GET_ORDERS = OutgoingRequest.of("GET", URI.create("https://api.example.com/orders"));
    private static final OAuthClientCredentials OAUTH = OAuthClientCredentials.of(TOKEN_ENDPOINT, "crm-client", CLIENT_SECRET_REF, List.of("crm.read"));
    private static final Connection CRM = new Connection("crm", OAUTH);
    private static final Connection BILLING = new Connection("billing", new Basic("apiuser", CLIENT_SECRET_REF));

    private final MutableClock clock = MutableClock.at(START);
    private final RecordingExecutor refreshExecutor = new RecordingExecutor();
    private final ServiceFakes.RecordedEvents events = new ServiceFakes.RecordedEvents();

    private AuthorizationService service(ServiceFakes.ScriptedTokenPort tokenEndpoint, ServiceFakes.MapConnections connections) {
        return new AuthorizationService(
                connections,
                ServiceFakes.secretsResolvingTo("client-secret"),
                tokenEndpoint,
                events,
                clock,
                refreshExecutor,
                fixedRandom(0.0));
    }

    private AuthorizationService service(ServiceFakes.ScriptedTokenPort tokenEndpoint) {
        return service(tokenEndpoint, new ServiceFakes.MapConnections(List.of(CRM, BILLING)));
    }

    private static String authorizationHeader(Either<AuthError, RequestCredentials> result) {
        return result.get().headers().getFirst().value().reveal();
    }

    @Test
    void refreshFailureIsPublishedAndTokenKept() {
        ServiceFakes.ScriptedTokenPort tokenEndpoint = new ServiceFakes.ScriptedTokenPort(
                call -> call == 2 ? Either.left(UNAVAILABLE) : Either.right(ServiceFakes.ScriptedTokenPort.grant("token-" + call, LIFETIME)));
        AuthorizationService service = service(tokenEndpoint);
        service.authorize("crm", GET_ORDERS);
        clock.advance(Duration.ofMinutes(50));

        Either<AuthError, RequestCredentials> whileRefreshing = service.authorize("crm", GET_ORDERS);
        refreshExecutor.runQueued();
        Either<AuthError, RequestCredentials> afterFailure = service.authorize("crm", GET_ORDERS);

        assertThat(authorizationHeader(whileRefreshing)).isEqualTo("Bearer token-1");
        assertThat(authorizationHeader(afterFailure)).isEqualTo("Bearer token-1");
        assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
        assertThat(events.ofType(AuthEvent.RefreshFailed.class)).singleElement().satisfies(failed -> {
            assertThat(failed.connectionId()).isEqualTo("crm");
            assertThat(failed.error()).isSameAs(UNAVAILABLE);
            assertThat(failed.currentExpiresAt()).isEqualTo(START.plus(LIFETIME));
        });
        assertThat(events.ofType(AuthEvent.TokenRequestFailed.class)).isEmpty();
    }

    @Test
    void backgroundRefreshPublishesTokenRefreshed() {
        AuthorizationService service = service(ServiceFakes.ScriptedTokenPort.numberedTokens(LIFETIME));
        service.authorize("crm", GET_ORDERS);
        clock.advance(Duration.ofMinutes(50));

        service.authorize("crm", GET_ORDERS);
        refreshExecutor.runQueued();
        Either<AuthError, RequestCredentials> afterRefresh = service.authorize("crm", GET_ORDERS);

        assertThat(authorizationHeader(afterRefresh)).isEqualTo("Bearer token-2");
        assertThat(events.ofType(AuthEvent.TokenObtained.class)).singleElement()
                .satisfies(obtained -> assertThat(obtained.tokenFingerprint()).isEqualTo(Secret.of("token-1").fingerprint()));
        assertThat(events.ofType(AuthEvent.TokenRefreshed.class)).singleElement().satisfies(refreshed -> {
            assertThat(refreshed.tokenFingerprint()).isEqualTo(Secret.of("token-2").fingerprint());
            assertThat(refreshed.previousFingerprint()).isEqualTo(Secret.of("token-1").fingerprint());
        });
    }

    @Test
    void reportRejectedDropsExactlyThatToken() {
        ServiceFakes.ScriptedTokenPort tokenEndpoint = ServiceFakes.ScriptedTokenPort.numberedTokens(LIFETIME);
        AuthorizationService service = service(tokenEndpoint);
        RequestCredentials rejected = service.authorize("crm", GET_ORDERS).get();

        boolean dropped = service.reportRejected("crm", rejected);
        Either<AuthError, RequestCredentials> next = service.authorize("crm", GET_ORDERS);

        assertThat(dropped).isTrue();
        assertThat(authorizationHeader(next)).isEqualTo("Bearer token-2");
        assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
        assertThat(events.ofType(AuthEvent.TokenRejected.class)).singleElement().satisfies(event -> {
            assertThat(event.tokenFingerprint()).isEqualTo(Secret.of("token-1").fingerprint());
            assertThat(event.dropped()).isTrue();
        });
    }

    @Test
    void reportRejectedWithOldTokenKeepsNewerToken() {
        ServiceFakes.ScriptedTokenPort tokenEndpoint = ServiceFakes.ScriptedTokenPort.numberedTokens(LIFETIME);
        AuthorizationService service = service(tokenEndpoint);
        RequestCredentials old = service.authorize("crm", GET_ORDERS).get();
        service.reportRejected("crm", old);
        RequestCredentials newer = service.authorize("crm", GET_ORDERS).get();

        boolean droppedAgain = service.reportRejected("crm", old);
        Either<AuthError, RequestCredentials> current = service.authorize("crm", GET_ORDERS);

        assertThat(droppedAgain).isFalse();
        assertThat(current.get()).isSameAs(newer);
        assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
        assertThat(events.ofType(AuthEvent.TokenRejected.class)).extracting(AuthEvent.TokenRejected::dropped).containsExactly(true, false);
    }

    @Test
    void reportRejectedIgnoresCredentialsWithoutToken() {
        AuthorizationService service = service(ServiceFakes.ScriptedTokenPort.numberedTokens(LIFETIME));
        RequestCredentials basic = service.authorize("billing", GET_ORDERS).get();

        boolean dropped = service.reportRejected("billing", basic);

        assertThat(dropped).isFalse();
        assertThat(events.ofType(AuthEvent.TokenRejected.class)).isEmpty();
    }

    @Test
    void cachedTokenReusesCredentials() {
        AuthorizationService service = service(ServiceFakes.ScriptedTokenPort.numberedTokens(LIFETIME));

        RequestCredentials first = service.authorize("crm", GET_ORDERS).get();
        RequestCredentials second = service.authorize("crm", GET_ORDERS).get();

        assertThat(second).isSameAs(first);
    }

    @Test
    void equalConnectionFromStoreReusesCredentials() {
        ServiceFakes.MapConnections rebuilding = new ServiceFakes.MapConnections(
                List.of(CRM, BILLING), connection -> new Connection(connection.id(), connection.auth()));
        AuthorizationService service = service(ServiceFakes.ScriptedTokenPort.numberedTokens(LIFETIME), rebuilding);

        RequestCredentials first = service.authorize("crm", GET_ORDERS).get();
        RequestCredentials second = service.authorize("crm", GET_ORDERS).get();
        RequestCredentials firstBasic = service.authorize("billing", GET_ORDERS).get();
        RequestCredentials secondBasic = service.authorize("billing", GET_ORDERS).get();

        assertThat(second).isSameAs(first);
        assertThat(secondBasic).isSameAs(firstBasic);
    }

    @Test
    void hugeExpiresInEndsAtInstantMax() {
        ServiceFakes.ScriptedTokenPort tokenEndpoint = new ServiceFakes.ScriptedTokenPort(
                call -> Either.right(ServiceFakes.ScriptedTokenPort.grant("token-" + call, Duration.ofSeconds(Long.MAX_VALUE))));
        AuthorizationService service = service(tokenEndpoint);

        Either<AuthError, RequestCredentials> first = service.authorize("crm", GET_ORDERS);
        clock.advance(Duration.ofDays(365L * 10_000));
        Either<AuthError, RequestCredentials> muchLater = service.authorize("crm", GET_ORDERS);

        assertThat(first.get().accessToken()).hasValueSatisfying(token -> assertThat(token.expiresAt()).isEqualTo(Instant.MAX));
        assertThat(authorizationHeader(muchLater)).isEqualTo("Bearer token-1");
        assertThat(tokenEndpoint.requestCount()).isEqualTo(1);
    }
}
