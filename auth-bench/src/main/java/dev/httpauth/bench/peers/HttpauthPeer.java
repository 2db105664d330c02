package dev.httpauth.bench.peers;

import dev.httpauth.adapters.http.TokenEndpointClient;
import dev.httpauth.adapters.http.TokenEndpointSettings;
import dev.httpauth.bench.support.FixedConnections;
import dev.httpauth.bench.support.FixedSecrets;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.in.ConnectionAuthorizer;
import dev.httpauth.domain.service.AuthorizationService;
import io.vavr.control.Either;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * httpauth's {@link AuthorizationService} with three connections, one per built-in method, the
 * real {@link TokenEndpointClient} and in-memory connections and secrets.
 */
public final class HttpauthPeer {

    public static final String OAUTH = "oauth";
    public static final String BASIC = "basic";
    public static final String API_KEY = "api-key";

    private static final OutgoingRequest REQUEST = OutgoingRequest.of("GET", URI.create("http://127.0.0.1/resource"));

    private final AuthorizationService service;
    private final ConnectionAuthorizer oauth;
    private final ConnectionAuthorizer basic;
    private final ConnectionAuthorizer apiKey;

    /**
     * @param clock the clock the service stamps tokens with and checks their expiry against
     */
    public HttpauthPeer(URI tokenEndpoint, String clientId, String clientSecret, Clock clock) {
        SecretRef clientSecretRef = new SecretRef("memory", "client-secret");
        SecretRef passwordRef = new SecretRef("memory", "password");
        SecretRef apiKeyRef = new SecretRef("memory", "api-key");
        FixedSecrets secrets = new FixedSecrets()
                .put(clientSecretRef, clientSecret)
                .put(passwordRef, "correct horse battery staple")
                .put(apiKeyRef, "k-4f1c2a9e7b3d5f6a8c0e1b2d3f4a5c6e");

        FixedConnections connections = new FixedConnections(List.of(
                new Connection(OAUTH, OAuthClientCredentials.of(tokenEndpoint, clientId, clientSecretRef, List.of())),
                new Connection(BASIC, new Basic("bench-user", passwordRef)),
                new Connection(API_KEY, ApiKey.inHeader("X-API-Key", apiKeyRef))));

        this.service = new AuthorizationService(
                connections, secrets, new TokenEndpointClient(TokenEndpointSettings.defaults()), event -> { }, clock);
        this.oauth = handle(OAUTH);
        this.basic = handle(BASIC);
        this.apiKey = handle(API_KEY);
    }

    private ConnectionAuthorizer handle(String connectionId) {
        return service.authorizer(connectionId)
                .getOrElseThrow(error -> new IllegalStateException("httpauth has no connection " + connectionId + ": " + error.message()));
    }

    /**
     * Returns the handle of {@code connectionId}, as a host keeps it for a connection's requests
     * and as {@code AuthorizingHttpClient} keeps it.
     */
    public ConnectionAuthorizer authorizer(String connectionId) {
        return switch (connectionId) {
            case OAUTH -> oauth;
            case BASIC -> basic;
            case API_KEY -> apiKey;
            default -> throw new IllegalArgumentException("No benchmark connection " + connectionId);
        };
    }

    /** Returns the value of the first header that {@code handle} puts on a request. */
    public static String headerValue(ConnectionAuthorizer handle) {
        Either<AuthError, RequestCredentials> outcome = handle.authorize(REQUEST);
        if (outcome.isLeft()) {
            throw new IllegalStateException("httpauth could not authorize connection " + handle.connectionId() + ": " + outcome.getLeft().message());
        }
        return outcome.get().headers().getFirst().value().reveal();
    }

    /** Returns the credentials for a request of {@code connectionId}, looked up by id, or throws with the service's error. */
    public RequestCredentials authorize(String connectionId) {
        Either<AuthError, RequestCredentials> outcome = service.authorize(connectionId, REQUEST);
        if (outcome.isLeft()) {
            throw new IllegalStateException("httpauth could not authorize connection " + connectionId + ": " + outcome.getLeft().message());
        }
        return outcome.get();
    }

    /** Returns the value of the first header the credentials for {@code connectionId} carry. */
    public String headerValue(String connectionId) {
        return authorize(connectionId).headers().getFirst().value().reveal();
    }

    /** Returns the instant from which the service treats the token in {@code credentials} as expired. */
    public static Instant expiryInstant(RequestCredentials credentials) {
        AccessToken token = credentials.accessToken()
                .orElseThrow(() -> new IllegalArgumentException("the credentials carry no access token"));
        return token.expiresAt();
    }
}
