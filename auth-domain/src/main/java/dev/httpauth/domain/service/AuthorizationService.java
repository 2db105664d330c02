package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.AuthEvent;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Computes request credentials for every auth method, caching OAuth access tokens in a
 * {@link TokenCache}.
 *
 * <p>The service keeps, per connection id, the last credentials it built and the secret or
 * token they came from, and returns them again while that source is unchanged. So a request
 * whose token is cached allocates no new header.
 */
public final class AuthorizationService implements AuthorizeRequestUseCase {

    static final String AUTHORIZATION = "Authorization";

    /** Starts each background refresh on a virtual thread, so a slow token endpoint blocks no platform thread. */
    private static final Executor REFRESH_ON_VIRTUAL_THREADS =
            task -> Thread.ofVirtual().name("httpauth-token-refresh").start(task);

    private final LoadConnectionsPort connections;
    private final MethodSecrets secrets;
    private final TokenIssuance tokenIssuance;
    private final TokenCache tokens;
    private final PublishAuthEventPort events;
    private final Clock clock;
    private final ConcurrentHashMap<String, Prepared> prepared = new ConcurrentHashMap<>();

    /** Creates a service whose background token refreshes each run on a new virtual thread. */
    public AuthorizationService(
            LoadConnectionsPort connections,
            ResolveSecretPort secretStore,
            RequestTokenPort tokenEndpoint,
            PublishAuthEventPort events,
            Clock clock) {
        this(connections, secretStore, tokenEndpoint, events, clock, REFRESH_ON_VIRTUAL_THREADS, RandomGenerator.getDefault());
    }

    /**
     * @param refreshExecutor runs background token refreshes for all connections
     * @param random the source of back-off jitter
     */
    public AuthorizationService(
            LoadConnectionsPort connections,
            ResolveSecretPort secretStore,
            RequestTokenPort tokenEndpoint,
            PublishAuthEventPort events,
            Clock clock,
            Executor refreshExecutor,
            RandomGenerator random) {
        this.connections = connections;
        this.secrets = new MethodSecrets(secretStore);
        this.tokenIssuance = new TokenIssuance(secrets, tokenEndpoint, events, clock);
        this.tokens = new TokenCache(clock, refreshExecutor, random);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Either<AuthError, RequestCredentials> authorize(String connectionId, OutgoingRequest request) {
        // Written without flatMap so that a cached request allocates no lambda.
        Either<AuthError, Connection> loaded = connections.loadConnection(connectionId);
        if (loaded.isLeft()) {
            return Either.left(loaded.getLeft());
        }
        return credentials(loaded.get(), request);
    }

    @Override
    public boolean reportRejected(String connectionId, RequestCredentials credentials) {
        if (credentials.accessToken().isEmpty()) {
            return false;
        }
        AccessToken rejected = credentials.accessToken().get();
        return connections.loadConnection(connectionId)
                .map(connection -> connection.auth() instanceof OAuthClientCredentials oauth
                        && drop(connection, oauth, rejected))
                .getOrElse(false);
    }

    private boolean drop(Connection connection, OAuthClientCredentials oauth, AccessToken rejected) {
        boolean dropped = prepare(connection).slot(oauth).drop(rejected);
        events.publish(new AuthEvent.TokenRejected(
                connection.id(), oauth.tokenEndpoint(), oauth.clientId(), rejected.value().fingerprint(), dropped));
        return dropped;
    }

    private Either<AuthError, RequestCredentials> credentials(Connection connection, OutgoingRequest request) {
        String id = connection.id();
        return switch (connection.auth()) {
            case Basic basic -> secrets.resolve(id, "password", basic.password())
                    .map(password -> prepare(connection).credentialsFor(password,
                            () -> RequestCredentials.header(AUTHORIZATION, BasicCredentials.headerValue(basic.username(), password))));
            case ApiKey apiKey -> secrets.resolve(id, "value", apiKey.value())
                    .map(key -> prepare(connection).credentialsFor(key, () -> apiKeyCredentials(apiKey, key)));
            case OAuthClientCredentials oauth -> bearerCredentials(connection, oauth);
            case CustomAuthMethod custom -> secrets.resolveAll(id, custom)
                    .flatMap(resolved -> custom.authorize(new AuthorizationContext(id, request, resolved, clock)));
        };
    }

    /** Returns the cached token of {@code method}, obtaining a new one when it is missing or due for refresh. */
    private Either<AuthError, RequestCredentials> bearerCredentials(Connection connection, OAuthClientCredentials method) {
        Prepared known = prepare(connection);
        Either<AuthError, AccessToken> token = known.slot(method).token(method.tokenPolicy(), known.requester(method));
        return token.isRight() ? known.resultFor(token.get()) : Either.left(token.getLeft());
    }

    Either<AuthError, AccessToken> token(Connection connection, OAuthClientCredentials method) {
        Prepared known = prepare(connection);
        return known.slot(method).token(method.tokenPolicy(), known.requester(method));
    }

    private Prepared prepare(Connection connection) {
        Prepared known = prepared.get(connection.id());
        // A connection store may return a new but equal Connection for every lookup, and the
        // prepared credentials stay valid for it.
        if (known != null && (known.connection == connection || known.connection.equals(connection))) {
            return known;
        }
        Prepared fresh = new Prepared(connection);
        prepared.put(connection.id(), fresh);
        return fresh;
    }

    static RequestCredentials apiKeyCredentials(ApiKey apiKey, Secret key) {
        return switch (apiKey.in()) {
            case HEADER -> RequestCredentials.header(apiKey.name(), apiKey.prefix().isEmpty() ? key : Secret.of(apiKey.prefix() + key.reveal()));
            case QUERY -> RequestCredentials.queryParameter(apiKey.name(), key);
        };
    }

    /**
     * The per-connection state of the service: its token slot and the credentials last built,
     * keyed by the secret or token they were built from.
     */
    private final class Prepared {

        private final Connection connection;
        private volatile TokenCache.Slot slot;
        private volatile TokenCache.TokenRequester requester;
        private volatile Built built;

        /** Credentials and the secret or token instance they were built from. */
        private record Built(Object source, String sourceValue, RequestCredentials credentials, Either<AuthError, RequestCredentials> asResult) {

            Built(Object source, String sourceValue, RequestCredentials credentials) {
                this(source, sourceValue, credentials, Either.right(credentials));
            }

            @Override
            public String toString() {
                return "Built[redacted]";
            }
        }

        Prepared(Connection connection) {
            this.connection = connection;
        }

        TokenCache.Slot slot(OAuthClientCredentials method) {
            TokenCache.Slot known = slot;
            if (known == null) {
                known = tokens.slot(TokenKey.of(method));
                slot = known;
            }
            return known;
        }

        /** Returns the requester that obtains this connection's tokens, created once. */
        TokenCache.TokenRequester requester(OAuthClientCredentials method) {
            TokenCache.TokenRequester known = requester;
            if (known == null) {
                known = current -> tokenIssuance.obtainToken(connection.id(), method, current);
                requester = known;
            }
            return known;
        }

        /** Returns the Bearer credentials of {@code token}, reusing the finished result while the token is unchanged. */
        Either<AuthError, RequestCredentials> resultFor(AccessToken token) {
            Built last = built;
            if (last != null && last.source == token) {
                return last.asResult;
            }
            Built fresh = new Built(token, "", RequestCredentials.bearer(token));
            built = fresh;
            return fresh.asResult;
        }

        /** Reuses the last credentials when {@code secret} has the value they were built from. */
        RequestCredentials credentialsFor(Secret secret, Supplier<RequestCredentials> build) {
            Built last = built;
            // A store may return a new Secret object for an unchanged value, so the values are compared.
            if (last != null && (last.source == secret || last.sourceValue.equals(secret.reveal()))) {
                return last.credentials;
            }
            RequestCredentials credentials = build.get();
            built = new Built(secret, secret.reveal(), credentials);
            return credentials;
        }
    }
}
