package dev.httpauth.adapters.http;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import dev.httpauth.domain.service.AuthorizationService;
import dev.httpauth.testkit.LoopbackAuthorizationServer;
import dev.httpauth.testkit.ProtectedResource;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wrapper against the testkit's real authorization server and protected resource, and a stub
 * resource that revokes tokens. Every server listens on 127.0.0.1.
 */
class AuthorizingHttpClientTest {

    private static final String CLIENT_ID = "orders-service";
    private static final String CLIENT_SECRET = "c1ient-secret-of-orders";
    private static final SecretRef CLIENT_SECRET_REF = new SecretRef("memory", "client-secret");
    private static final SecretRef WRONG_PASSWORD_REF = new SecretRef("memory", "wrong-password");
    private static final SecretRef WRONG_KEY_REF = new SecretRef("memory", "wrong-key");
    private static final Map<SecretRef, String> SECRETS = Map.of(
            CLIENT_SECRET_REF, CLIENT_SECRET,
            WRONG_PASSWORD_REF, "not-the-password",
            WRONG_KEY_REF, "not-the-key");
    private static final ResolveSecretPort SECRET_STORE = ref -> Either.right(Secret.of(SECRETS.get(ref)));
    private static final long TIMEOUT_SECONDS = 30;

    private final LoopbackAuthorizationServer authorizationServer = LoopbackAuthorizationServer.start().registerClient(CLIENT_ID, CLIENT_SECRET);
    private final ProtectedResource resource = ProtectedResource.start(
            new ProtectedResource.Expected("apiuser", "basic-password", "X-API-Key", "maps-key", "api_key"),
            authorizationServer.jwksUri(),
            authorizationServer.issuer());
    private final List<AuthEvent> events = new CopyOnWriteArrayList<>();
    private final AuthorizationService authorization = new AuthorizationService(
            new ConnectionList(
                    new Connection("orders", OAuthClientCredentials.of(
                            authorizationServer.tokenEndpoint(), CLIENT_ID, CLIENT_SECRET_REF, List.of("orders.read"))),
                    new Connection("stranger", OAuthClientCredentials.of(
                            authorizationServer.tokenEndpoint(), "unregistered-client", CLIENT_SECRET_REF, List.of())),
                    new Connection("billing", new Basic("apiuser", WRONG_PASSWORD_REF)),
                    new Connection("maps", ApiKey.inHeader("X-API-Key", WRONG_KEY_REF))),
            SECRET_STORE,
            new TokenEndpointClient(TokenEndpointSettings.defaults()),
            events::add,
            Clock.systemUTC());
    private final HttpClient transport = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stopServers() {
        transport.close();
        resource.close();
        authorizationServer.close();
    }

    private AuthorizingHttpClient clientFor(String connectionId) {
        return new AuthorizingHttpClient(transport, authorization, connectionId);
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).GET().build();
    }

    private static HttpRequest postStreamed(URI uri) {
        return HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("{\"order\":1}".getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    private List<AuthEvent.TokenRejected> rejections() {
        return events.stream().filter(AuthEvent.TokenRejected.class::isInstance).map(AuthEvent.TokenRejected.class::cast).toList();
    }

    private AuthorizingHttpClient clientWithHandle(String connectionId) {
        return new AuthorizingHttpClient(transport, authorization.authorizer(connectionId).get());
    }

    @Nested
    class WithHandle {

        @Test
        void requestWithTokenIsAuthorized() throws Exception {
            AuthorizingHttpClient client = clientWithHandle("orders");

            HttpResponse<String> first = client.send(get(resource.uri("/bearer")), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = client.send(get(resource.uri("/bearer")), HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(authorizationServer.tokenRequestCount()).isEqualTo(1);
        }

        @Test
        void rejectedTokenIsReplacedOnce() throws Exception {
            try (TokenCheckingResource revoking = TokenCheckingResource.start(TokenCheckingResource.Revocation.FIRST_TOKEN)) {
                HttpResponse<String> response = clientWithHandle("orders").send(get(revoking.uri("/orders")), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(revoking.authorizations()).hasSize(2);
                assertThat(revoking.authorizations().get(1)).isNotEqualTo(revoking.authorizations().get(0));
                assertThat(rejections()).singleElement().satisfies(rejected -> assertThat(rejected.dropped()).isTrue());
            }
        }

        @Test
        void asyncRejectedTokenIsReplacedOnce() throws Exception {
            try (TokenCheckingResource revoking = TokenCheckingResource.start(TokenCheckingResource.Revocation.FIRST_TOKEN)) {
                HttpResponse<String> response = clientWithHandle("orders")
                        .sendAsync(get(revoking.uri("/orders")), HttpResponse.BodyHandlers.ofString())
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(revoking.authorizations()).hasSize(2);
                assertThat(authorizationServer.tokenRequestCount()).isEqualTo(2);
            }
        }
    }

    @Nested
    class Bearer {

        @Test
        void requestWithTokenIsAuthorized() throws Exception {
            HttpResponse<String> response = clientFor("orders").send(get(resource.uri("/bearer")), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"method\":\"bearer\"");
            assertThat(authorizationServer.tokenRequestCount()).isEqualTo(1);
        }

        @Test
        void laterRequestReusesToken() throws Exception {
            AuthorizingHttpClient client = clientFor("orders");

            HttpResponse<String> first = client.send(get(resource.uri("/bearer")), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = client.send(get(resource.uri("/bearer")), HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(200);
            assertThat(authorizationServer.tokenRequestCount()).isEqualTo(1);
        }

        @Test
        void rejectedTokenIsReplacedOnce() throws Exception {
            try (TokenCheckingResource revoking = TokenCheckingResource.start(TokenCheckingResource.Revocation.FIRST_TOKEN)) {
                HttpResponse<String> response = clientFor("orders").send(get(revoking.uri("/orders")), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(revoking.authorizations()).hasSize(2).allSatisfy(header -> assertThat(header).startsWith("Bearer "));
                assertThat(revoking.authorizations().get(1)).isNotEqualTo(revoking.authorizations().get(0));
                assertThat(authorizationServer.tokenRequestCount()).isEqualTo(2);
                assertThat(rejections()).singleElement().satisfies(rejected -> assertThat(rejected.dropped()).isTrue());
            }
        }

        @Test
        void asyncRejectedTokenIsReplacedOnce() throws Exception {
            try (TokenCheckingResource revoking = TokenCheckingResource.start(TokenCheckingResource.Revocation.FIRST_TOKEN)) {
                CompletableFuture<HttpResponse<String>> response =
                        clientFor("orders").sendAsync(get(revoking.uri("/orders")), HttpResponse.BodyHandlers.ofString());

                assertThat(response.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
                assertThat(revoking.authorizations()).hasSize(2);
                assertThat(revoking.authorizations().get(1)).isNotEqualTo(revoking.authorizations().get(0));
                assertThat(authorizationServer.tokenRequestCount()).isEqualTo(2);
            }
        }

        @Test
        void requestIsSentAtMostTwice() throws Exception {
            try (TokenCheckingResource revoking = TokenCheckingResource.start(TokenCheckingResource.Revocation.EVERY_TOKEN)) {
                HttpResponse<String> response = clientFor("orders").send(get(revoking.uri("/orders")), HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(revoking.authorizations()).hasSize(2);
                assertThat(authorizationServer.tokenRequestCount()).isEqualTo(2);
            }
        }

        @Test
        void replayableBodyIsSentOnceMore() throws Exception {
            try (TokenCheckingResource revoking = TokenCheckingResource.start(TokenCheckingResource.Revocation.FIRST_TOKEN)) {
                HttpRequest post = HttpRequest.newBuilder(revoking.uri("/orders")).POST(HttpRequest.BodyPublishers.ofString("{\"order\":1}")).build();

                HttpResponse<String> response = clientFor("orders").send(post, HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(revoking.authorizations()).hasSize(2);
            }
        }

        @Test
        void streamedBodyOfRetriedResponseIsReadable() throws Exception {
            try (TokenCheckingResource revoking = TokenCheckingResource.start(TokenCheckingResource.Revocation.FIRST_TOKEN)) {
                HttpResponse<InputStream> response = clientFor("orders").send(get(revoking.uri("/orders")), HttpResponse.BodyHandlers.ofInputStream());

                String body;
                try (InputStream in = response.body()) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(body).isEqualTo("{\"authorized\":true}");
            }
        }

        @Test
        void nonReplayableBodyIsNotResent() throws Exception {
            try (TokenCheckingResource revoking = TokenCheckingResource.start(TokenCheckingResource.Revocation.FIRST_TOKEN)) {
                AuthorizingHttpClient client = clientFor("orders");

                HttpResponse<String> rejected = client.send(postStreamed(revoking.uri("/orders")), HttpResponse.BodyHandlers.ofString());
                int tokenRequestsAfterRejection = authorizationServer.tokenRequestCount();
                HttpResponse<String> next = client.send(get(revoking.uri("/orders")), HttpResponse.BodyHandlers.ofString());

                assertThat(rejected.statusCode()).isEqualTo(401);
                assertThat(tokenRequestsAfterRejection).isEqualTo(1);
                assertThat(rejections()).singleElement().satisfies(event -> assertThat(event.dropped()).isTrue());
                assertThat(next.statusCode()).isEqualTo(200);
                assertThat(revoking.authorizations()).hasSize(2);
                assertThat(authorizationServer.tokenRequestCount()).isEqualTo(2);
            }
        }

        @Test
        void asyncNonReplayableBodyIsNotResent() throws Exception {
            try (TokenCheckingResource revoking = TokenCheckingResource.start(TokenCheckingResource.Revocation.FIRST_TOKEN)) {
                CompletableFuture<HttpResponse<String>> response =
                        clientFor("orders").sendAsync(postStreamed(revoking.uri("/orders")), HttpResponse.BodyHandlers.ofString());

                assertThat(response.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
                assertThat(revoking.authorizations()).hasSize(1);
                assertThat(authorizationServer.tokenRequestCount()).isEqualTo(1);
            }
        }

        @Test
        void reportOfOlderTokenKeepsNewerOne() {
            OutgoingRequest request = OutgoingRequest.of("GET", resource.uri("/bearer"));
            RequestCredentials old = authorization.authorize("orders", request).get();
            boolean droppedOld = authorization.reportRejected("orders", old);
            RequestCredentials newer = authorization.authorize("orders", request).get();

            boolean droppedAgain = authorization.reportRejected("orders", old);
            RequestCredentials current = authorization.authorize("orders", request).get();

            assertThat(droppedOld).isTrue();
            assertThat(droppedAgain).isFalse();
            AccessToken newerToken = newer.accessToken().orElseThrow();
            assertThat(current.accessToken()).containsSame(newerToken);
            assertThat(newerToken.value().sameValueAs(old.accessToken().orElseThrow().value())).isFalse();
            assertThat(authorizationServer.tokenRequestCount()).isEqualTo(2);
        }

        @Test
        void unobtainableTokenFailsSend() {
            AuthorizingHttpClient client = clientFor("stranger");

            assertThatThrownBy(() -> client.send(get(resource.uri("/bearer")), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOfSatisfying(AuthorizingHttpClient.AuthorizationFailedException.class, failed -> {
                        assertThat(failed.error()).isInstanceOfSatisfying(AuthError.TokenRequestRejected.class,
                                rejected -> assertThat(rejected.error()).isEqualTo("invalid_client"));
                        assertThat(failed.getMessage()).contains("'stranger'").doesNotContain(CLIENT_SECRET);
                    });
            assertThat(resource.requestCount()).isZero();
        }

        @Test
        void unobtainableTokenFailsSendAsync() {
            CompletableFuture<HttpResponse<String>> response =
                    clientFor("stranger").sendAsync(get(resource.uri("/bearer")), HttpResponse.BodyHandlers.ofString());

            assertThatThrownBy(() -> response.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(AuthorizingHttpClient.AuthorizationFailedException.class);
            assertThat(resource.requestCount()).isZero();
        }
    }

    @Nested
    class StaticCredentials {

        @Test
        void basicRejectionIsNotRetried() throws Exception {
            HttpResponse<String> response = clientFor("billing").send(get(resource.uri("/basic")), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(resource.requestCount()).isEqualTo(1);
            assertThat(rejections()).isEmpty();
        }

        @Test
        void apiKeyRejectionIsNotRetried() throws Exception {
            HttpResponse<String> response = clientFor("maps").send(get(resource.uri("/api-key")), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(resource.requestCount()).isEqualTo(1);
        }

        @Test
        void asyncBasicRejectionIsNotRetried() throws Exception {
            CompletableFuture<HttpResponse<String>> response =
                    clientFor("billing").sendAsync(get(resource.uri("/basic")), HttpResponse.BodyHandlers.ofString());

            assertThat(response.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).statusCode()).isEqualTo(401);
            assertThat(resource.requestCount()).isEqualTo(1);
        }
    }
}
