package dev.httpauth.adapters.http;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import dev.httpauth.testkit.LoopbackAuthorizationServer;
import dev.httpauth.testkit.ProtectedResource;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The client against the real OAuth 2.0 authorization server of the testkit. */
class TokenEndpointClientIntegrationTest {

    private static final String CLIENT_ID = "orders-service";
    private static final String CLIENT_SECRET = "c1ient-secret-of-orders";

    private final LoopbackAuthorizationServer authorizationServer = LoopbackAuthorizationServer.start().registerClient(CLIENT_ID, CLIENT_SECRET);
    private final TokenEndpointClient client = new TokenEndpointClient(TokenEndpointSettings.defaults());

    @AfterEach
    void stopServer() {
        authorizationServer.close();
    }

    private TokenRequest request(String clientId, String clientSecret, ClientAuthentication authentication, List<String> scopes) {
        return new TokenRequest(authorizationServer.tokenEndpoint(), clientId, Secret.of(clientSecret), scopes, authentication,
                Optional.empty(), Optional.empty());
    }

    @Test
    void clientSecretBasicObtainsBearerToken() {
        Either<AuthError, TokenGrant> result = client.requestToken(request(CLIENT_ID, CLIENT_SECRET, ClientAuthentication.CLIENT_SECRET_BASIC, List.of("orders.read")));

        assertThat(result.isRight()).as("result %s", result).isTrue();
        TokenGrant grant = result.get();
        assertThat(grant.tokenType()).isEqualTo("Bearer");
        assertThat(grant.accessToken().reveal().split("\\.")).hasSize(3);
        assertThat(grant.expiresIn()).hasValueSatisfying(lifetime -> assertThat(lifetime).isBetween(Duration.ofMinutes(59), Duration.ofHours(1)));
        assertThat(authorizationServer.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void clientSecretPostObtainsBearerToken() {
        Either<AuthError, TokenGrant> result = client.requestToken(request(CLIENT_ID, CLIENT_SECRET, ClientAuthentication.CLIENT_SECRET_POST, List.of("orders.read")));

        assertThat(result.isRight()).as("result %s", result).isTrue();
        assertThat(result.get().tokenType()).isEqualTo("Bearer");
    }

    @Test
    void scopesAreSentAndReturned() {
        Either<AuthError, TokenGrant> result = client.requestToken(
                request(CLIENT_ID, CLIENT_SECRET, ClientAuthentication.CLIENT_SECRET_BASIC, List.of("orders.read", "orders.write")));

        assertThat(result.get().scopes()).contains(List.of("orders.read", "orders.write"));
    }

    @Test
    void issuedTokenIsAcceptedByResource() throws Exception {
        TokenGrant grant = client.requestToken(request(CLIENT_ID, CLIENT_SECRET, ClientAuthentication.CLIENT_SECRET_BASIC, List.of("orders.read"))).get();
        ProtectedResource.Expected unusedStaticCredentials = new ProtectedResource.Expected("user", "password", "X-API-Key", "key", "api_key");

        int status;
        try (ProtectedResource resource = ProtectedResource.start(unusedStaticCredentials, authorizationServer.jwksUri(), authorizationServer.issuer());
                HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest call = HttpRequest.newBuilder(resource.uri("/bearer"))
                    .header("Authorization", "Bearer " + grant.accessToken().reveal())
                    .build();
            status = http.send(call, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        assertThat(status).isEqualTo(200);
    }

    @Test
    void credentialsWithSpecialCharactersUseFormEncoding() {
        String clientId = "app:eu west+1 é";
        String clientSecret = "p+ss wörd:%/&=";
        authorizationServer.registerClient(clientId, clientSecret);

        Either<AuthError, TokenGrant> basic = client.requestToken(request(clientId, clientSecret, ClientAuthentication.CLIENT_SECRET_BASIC, List.of()));
        Either<AuthError, TokenGrant> post = client.requestToken(request(clientId, clientSecret, ClientAuthentication.CLIENT_SECRET_POST, List.of()));

        assertThat(basic.isRight()).as("client_secret_basic result %s", basic).isTrue();
        assertThat(post.isRight()).as("client_secret_post result %s", post).isTrue();
    }

    @Test
    void wrongSecretIsRejectedAsInvalidClient() {
        String wrongSecret = "wr0ng-secret-value";

        Either<AuthError, TokenGrant> result = client.requestToken(request(CLIENT_ID, wrongSecret, ClientAuthentication.CLIENT_SECRET_BASIC, List.of("orders.read")));

        assertThat(result.isLeft()).isTrue();
        AuthError error = result.getLeft();
        assertThat(error).isInstanceOfSatisfying(AuthError.TokenRequestRejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(401);
            assertThat(rejected.error()).isEqualTo("invalid_client");
        });
        assertThat(error.message()).doesNotContain(wrongSecret).doesNotContain(CLIENT_SECRET);
        assertThat(error.toString()).doesNotContain(wrongSecret).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void unknownClientIsInvalidClient() {
        Either<AuthError, TokenGrant> result = client.requestToken(request("nobody", CLIENT_SECRET, ClientAuthentication.CLIENT_SECRET_POST, List.of()));

        assertThat(result.getLeft()).isInstanceOfSatisfying(AuthError.TokenRequestRejected.class,
                rejected -> assertThat(rejected.error()).isEqualTo("invalid_client"));
    }

    @Test
    void serverTokenLifetimeBecomesExpiresIn() {
        authorizationServer.tokenLifetime(Duration.ofMinutes(5));

        TokenGrant grant = client.requestToken(request(CLIENT_ID, CLIENT_SECRET, ClientAuthentication.CLIENT_SECRET_BASIC, List.of())).get();

        assertThat(grant.expiresIn()).hasValueSatisfying(lifetime -> assertThat(lifetime).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5)));
    }
}
