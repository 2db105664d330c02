package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.AuthorizationContext;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import dev.httpauth.domain.port.out.RequestTokenPort;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.time.Clock;

/**
 * Computes request credentials for every auth method, caching OAuth access tokens in a
 * {@link TokenCache}.
 */
public final class AuthorizationService implements AuthorizeRequestUseCase {

    static final String AUTHORIZATION = "Authorization";

    private final LoadConnectionsPort connections;
    private final MethodSecrets secrets;
    private final TokenIssuance tokenIssuance;
    private final TokenCache tokens;
    private final Clock clock;

    public AuthorizationService(
            LoadConnectionsPort connections,
            ResolveSecretPort secretStore,
            RequestTokenPort tokenEndpoint,
            PublishAuthEventPort events,
            Clock clock) {
        this.connections = connections;
        this.secrets = new MethodSecrets(secretStore);
        this.tokenIssuance = new TokenIssuance(secrets, tokenEndpoint, events, clock);
        this.tokens = new TokenCache(clock);
        this.clock = clock;
    }

    @Override
    public Either<AuthError, RequestCredentials> authorize(String connectionId, OutgoingRequest request) {
        return connections.loadConnection(connectionId).flatMap(connection -> credentials(connection, request));
    }

    private Either<AuthError, RequestCredentials> credentials(Connection connection, OutgoingRequest request) {
        String id = connection.id();
        return switch (connection.auth()) {
            case Basic basic -> secrets.resolve(id, "password", basic.password())
                    .map(password -> RequestCredentials.header(AUTHORIZATION, BasicCredentials.headerValue(basic.username(), password)));
            case ApiKey apiKey -> secrets.resolve(id, "value", apiKey.value())
                    .map(key -> apiKeyCredentials(apiKey, key));
            case OAuthClientCredentials oauth -> token(id, oauth)
                    .map(token -> RequestCredentials.header(AUTHORIZATION, bearerHeaderValue(token)));
            case CustomAuthMethod custom -> secrets.resolveAll(id, custom)
                    .flatMap(resolved -> custom.authorize(new AuthorizationContext(id, request, resolved, clock)));
        };
    }

    /** Returns the cached token of {@code method}, obtaining a new one when it is missing or due for refresh. */
    Either<AuthError, AccessToken> token(String connectionId, OAuthClientCredentials method) {
        return tokens.token(TokenKey.of(method), method.tokenPolicy(), () -> tokenIssuance.obtainToken(connectionId, method));
    }

    static RequestCredentials apiKeyCredentials(ApiKey apiKey, Secret key) {
        return switch (apiKey.in()) {
            case HEADER -> RequestCredentials.header(apiKey.name(), apiKey.prefix().isEmpty() ? key : Secret.of(apiKey.prefix() + key.reveal()));
            case QUERY -> RequestCredentials.queryParameter(apiKey.name(), key);
        };
    }

    static Secret bearerHeaderValue(AccessToken token) {
        return Secret.of("Bearer " + token.value().reveal());
    }
}
