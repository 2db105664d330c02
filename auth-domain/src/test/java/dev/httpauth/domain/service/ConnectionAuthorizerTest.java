package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.port.in.ConnectionAuthorizer;
import dev.httpauth.domain.support.MutableClock;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.httpauth.domain.service.ScriptedRequester.TOKEN_ENDPOINT;
import static dev.httpauth.domain.service.ServiceFakes.CLIENT_SECRET_REF;
import static dev.httpauth.domain.service.TokenCacheLifecycleTest.fixedRandom;
import static org.assertj.core.api.Assertions.assertThat;

/** The per-connection handles that {@link AuthorizationService#authorizer} returns. */
class ConnectionAuthorizerTest {

    private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    private static final OutgoingRequest GET_ORDERS = OutgoingRequest.of("GET", URI.create("https://api.example.com/orders"));
    private static final OAuthClientCredentials OAUTH = OAuthClientCredentials.of(TOKEN_ENDPOINT, "crm-client", CLIENT_SECRET_REF, List.of());
    private static final Connection CRM = new Connection("crm", OAUTH);
    private static final Connection BILLING = new Connection("billing", new Basic("apiuser", CLIENT_SECRET_REF));

    private final MutableClock clock = MutableClock.at(START);
    private final ServiceFakes.RecordedEvents events = new ServiceFakes.RecordedEvents();
    private final ServiceFakes.ScriptedTokenPort tokenEndpoint = ServiceFakes.ScriptedTokenPort.numberedTokens(Duration.ofHours(1));
    private final List<String> lookups = new ArrayList<>();

    private AuthorizationService service(List<Connection> connections) {
        ServiceFakes.MapConnections store = new ServiceFakes.MapConnections(connections, connection -> {
            lookups.add(connection.id());
            return connection;
        });
        return new AuthorizationService(
                store, ServiceFakes.secretsResolvingTo("client-secret"), tokenEndpoint, events, clock, new RecordingExecutor(), fixedRandom(0.0));
    }

    private static String authorizationHeader(Either<AuthError, RequestCredentials> result) {
        return result.get().headers().getFirst().value().reveal();
    }

    @Test
    void handleAuthorizesWithoutLookingConnectionUpAgain() {
        AuthorizationService service = service(List.of(CRM));
        ConnectionAuthorizer handle = service.authorizer("crm").get();

        Either<AuthError, RequestCredentials> first = handle.authorize(GET_ORDERS);
        Either<AuthError, RequestCredentials> second = handle.authorize(GET_ORDERS);

        assertThat(handle.connectionId()).isEqualTo("crm");
        assertThat(authorizationHeader(first)).isEqualTo("Bearer token-1");
        assertThat(second).as("a cached token's result is reused, not rebuilt").isSameAs(first);
        assertThat(lookups).containsExactly("crm");
    }

    @Test
    void handleSharesTokenWithLookupById() {
        AuthorizationService service = service(List.of(CRM));
        ConnectionAuthorizer handle = service.authorizer("crm").get();

        Either<AuthError, RequestCredentials> byHandle = handle.authorize(GET_ORDERS);
        Either<AuthError, RequestCredentials> byId = service.authorize("crm", GET_ORDERS);

        assertThat(authorizationHeader(byId)).isEqualTo(authorizationHeader(byHandle));
        assertThat(tokenEndpoint.requestCount()).isEqualTo(1);
    }

    @Test
    void unknownConnectionHasNoHandle() {
        AuthorizationService service = service(List.of(CRM));

        Either<AuthError, ConnectionAuthorizer> handle = service.authorizer("erp");

        assertThat(handle.getLeft()).isInstanceOfSatisfying(AuthError.UnknownConnection.class,
                unknown -> assertThat(unknown.knownIds()).containsExactly("crm"));
    }

    @Test
    void rejectedTokenIsDroppedThroughHandle() {
        AuthorizationService service = service(List.of(CRM));
        ConnectionAuthorizer handle = service.authorizer("crm").get();
        RequestCredentials sent = handle.authorize(GET_ORDERS).get();

        boolean dropped = handle.reportRejected(sent);
        Either<AuthError, RequestCredentials> next = handle.authorize(GET_ORDERS);

        assertThat(dropped).isTrue();
        assertThat(authorizationHeader(next)).isEqualTo("Bearer token-2");
        assertThat(events.ofType(AuthEvent.TokenRejected.class)).singleElement()
                .satisfies(rejected -> assertThat(rejected.dropped()).isTrue());
    }

    @Test
    void rejectionEndsBackOffUntilExpiry() {
        ServiceFakes.ScriptedTokenPort endpoint = new ServiceFakes.ScriptedTokenPort(call -> call == 2
                ? Either.left(ScriptedRequester.INVALID_CLIENT)
                : Either.right(ServiceFakes.ScriptedTokenPort.grant("token-" + call, Duration.ofHours(1))));
        RecordingExecutor refreshExecutor = new RecordingExecutor();
        AuthorizationService service = new AuthorizationService(new ServiceFakes.MapConnections(List.of(CRM)),
                ServiceFakes.secretsResolvingTo("client-secret"), endpoint, events, clock, refreshExecutor, fixedRandom(0.0));
        ConnectionAuthorizer handle = service.authorizer("crm").get();
        handle.authorize(GET_ORDERS);
        clock.advance(Duration.ofMinutes(50));
        RequestCredentials sent = handle.authorize(GET_ORDERS).get();
        refreshExecutor.runQueued();

        handle.reportRejected(sent);
        Either<AuthError, RequestCredentials> afterRejection = handle.authorize(GET_ORDERS);

        assertThat(authorizationHeader(afterRejection)).as("invalid_client backed off until expiry, the rejection ends that").isEqualTo("Bearer token-3");
        assertThat(endpoint.requestCount()).isEqualTo(3);
    }

    @Test
    void basicHandleIgnoresRejections() {
        AuthorizationService service = service(List.of(BILLING));
        ConnectionAuthorizer handle = service.authorizer("billing").get();
        RequestCredentials sent = handle.authorize(GET_ORDERS).get();

        boolean dropped = handle.reportRejected(sent);

        assertThat(dropped).isFalse();
        assertThat(events.all()).isEmpty();
    }

    @Test
    void basicHandleReusesHeaderWhileSecretIsUnchanged() {
        AuthorizationService service = service(List.of(BILLING));
        ConnectionAuthorizer handle = service.authorizer("billing").get();

        Either<AuthError, RequestCredentials> first = handle.authorize(GET_ORDERS);
        Either<AuthError, RequestCredentials> second = handle.authorize(GET_ORDERS);

        assertThat(authorizationHeader(first)).startsWith("Basic ");
        assertThat(second).isSameAs(first);
    }
}
