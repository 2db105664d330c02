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
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.TokenPolicy;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import dev.httpauth.domain.port.in.ConnectionAuthorizer;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import dev.httpauth.domain.port.out.RequestTokenPort;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Computes request credentials for every auth method, caching OAuth access tokens in a
 * {@link TokenCache}.
 *
 * <p>The service prepares each connection once, on its first request, as a
 * {@link ConnectionAuthorizer}: it finds the connection's token slot, or keeps the credentials it
 * last built and the secret they came from. So a request whose token is cached allocates nothing,
 * and a Basic or API key request allocates nothing while its secret is unchanged.
 *
 * <p>Secrets are resolved for every Basic and API key request, so a rotated password or key takes
 * effect at once. A cached OAuth token was obtained with the client secret of its time. So at
 * most once per client secret check interval, one caller resolves the client secret again. When
 * it has changed, the token is dropped and a new one is obtained with the new secret.
 */
public final class AuthorizationService implements AuthorizeRequestUseCase {

    /** The default minimum time between two checks of a cached token's client secret for a rotation: 30 seconds. */
    public static final Duration DEFAULT_CLIENT_SECRET_CHECK = Duration.ofSeconds(30);

    static final String AUTHORIZATION = "Authorization";

    /** Starts each background refresh on a virtual thread, so a slow token endpoint blocks no platform thread. */
    private static final Executor REFRESH_ON_VIRTUAL_THREADS =
            task -> Thread.ofVirtual().name("httpauth-token-refresh").start(task);

    private final LoadConnectionsPort connections;
    private final ResolveSecretPort secretStore;
    private final MethodSecrets secrets;
    private final TokenIssuance tokenIssuance;
    private final TokenCache tokens;
    private final PublishAuthEventPort events;
    private final Clock clock;
    private final ConcurrentHashMap<String, PreparedConnection> prepared = new ConcurrentHashMap<>();

    /**
     * Creates a service whose background token refreshes each run on a new virtual thread and
     * that checks client secrets every {@link #DEFAULT_CLIENT_SECRET_CHECK}.
     */
    public AuthorizationService(
            LoadConnectionsPort connections,
            ResolveSecretPort secretStore,
            RequestTokenPort tokenEndpoint,
            PublishAuthEventPort events,
            Clock clock) {
        this(connections, secretStore, tokenEndpoint, events, clock, REFRESH_ON_VIRTUAL_THREADS, RandomGenerator.getDefault());
    }

    /**
     * Creates a service whose background token refreshes each run on a new virtual thread.
     *
     * @param clientSecretCheck the minimum time between two checks of one cached token's client
     *     secret; zero checks on every request
     * @throws IllegalArgumentException if {@code clientSecretCheck} is negative
     */
    public AuthorizationService(
            LoadConnectionsPort connections,
            ResolveSecretPort secretStore,
            RequestTokenPort tokenEndpoint,
            PublishAuthEventPort events,
            Clock clock,
            Duration clientSecretCheck) {
        this(connections, secretStore, tokenEndpoint, events, clock, REFRESH_ON_VIRTUAL_THREADS, RandomGenerator.getDefault(), clientSecretCheck);
    }

    /**
     * Creates a service that checks client secrets every {@link #DEFAULT_CLIENT_SECRET_CHECK}.
     *
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
        this(connections, secretStore, tokenEndpoint, events, clock, refreshExecutor, random, DEFAULT_CLIENT_SECRET_CHECK);
    }

    /**
     * @param refreshExecutor runs background token refreshes for all connections
     * @param random the source of back-off jitter
     * @param clientSecretCheck the minimum time between two checks of one cached token's client
     *     secret; zero checks on every request
     * @throws IllegalArgumentException if {@code clientSecretCheck} is negative
     */
    public AuthorizationService(
            LoadConnectionsPort connections,
            ResolveSecretPort secretStore,
            RequestTokenPort tokenEndpoint,
            PublishAuthEventPort events,
            Clock clock,
            Executor refreshExecutor,
            RandomGenerator random,
            Duration clientSecretCheck) {
        this.connections = connections;
        this.secretStore = secretStore;
        this.secrets = new MethodSecrets(secretStore);
        this.tokenIssuance = new TokenIssuance(secrets, tokenEndpoint, events, clock);
        this.tokens = new TokenCache(clock, refreshExecutor, random, Optional.of(clientSecretCheck));
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
        return prepare(loaded.get()).authorize(request);
    }

    @Override
    public boolean reportRejected(String connectionId, RequestCredentials credentials) {
        if (credentials.accessToken().isEmpty()) {
            return false;
        }
        return connections.loadConnection(connectionId)
                .map(connection -> prepare(connection).reportRejected(credentials))
                .getOrElse(false);
    }

    @Override
    public Either<AuthError, ConnectionAuthorizer> authorizer(String connectionId) {
        return connections.loadConnection(connectionId).map(this::prepare);
    }

    /** Returns a valid token of {@code connection}, obtaining a new one when it is missing or due for refresh. */
    Either<AuthError, AccessToken> token(Connection connection) {
        return prepare(connection).token();
    }

    private PreparedConnection prepare(Connection connection) {
        PreparedConnection known = prepared.get(connection.id());
        // A connection store may return a new but equal Connection for every lookup, and the
        // prepared connection stays valid for it.
        if (known != null && (known.connection == connection || known.connection.equals(connection))) {
            return known;
        }
        PreparedConnection fresh = new PreparedConnection(connection);
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
     * One connection, ready to authorize requests: for OAuth its token slot, for Basic and API key
     * the credentials last built and the secret they came from. It is also the requester of the
     * connection's tokens, so that token events name the connection that asked.
     */
    private final class PreparedConnection implements ConnectionAuthorizer, TokenCache.TokenRequester {

        private final Connection connection;
        private final TokenCache.Slot slot;
        private final TokenPolicy tokenPolicy;
        private volatile Built built;

        /** Credentials built from a secret, the secret instance and its value, and the finished result. */
        private record Built(Secret source, String sourceValue, Either<AuthError, RequestCredentials> asResult) {

            @Override
            public String toString() {
                return "Built[redacted]";
            }
        }

        PreparedConnection(Connection connection) {
            this.connection = connection;
            if (connection.auth() instanceof OAuthClientCredentials oauth) {
                this.slot = tokens.slot(TokenKey.of(oauth));
                this.tokenPolicy = oauth.tokenPolicy();
            } else {
                this.slot = null;
                this.tokenPolicy = null;
            }
        }

        @Override
        public String connectionId() {
            return connection.id();
        }

        @Override
        public Either<AuthError, RequestCredentials> authorize(OutgoingRequest request) {
            // OAuth is checked first and without the type switch below, because its cached-token
            // path is the one that runs for nearly every request and costs a few nanoseconds.
            if (slot != null) {
                return slot.credentials(tokenPolicy, this);
            }

            String id = connection.id();
            return switch (connection.auth()) {
                // Returned above already; the case keeps the switch exhaustive.
                case OAuthClientCredentials oauth -> slot.credentials(tokenPolicy, this);
                case Basic basic -> fromSecret("password", basic.password());
                case ApiKey apiKey -> fromSecret("value", apiKey.value());
                case CustomAuthMethod custom -> secrets.resolveAll(id, custom)
                        .flatMap(resolved -> custom.authorize(new AuthorizationContext(id, request, resolved, clock)));
            };
        }

        @Override
        public boolean reportRejected(RequestCredentials credentials) {
            if (slot == null || credentials.accessToken().isEmpty()) {
                return false;
            }
            OAuthClientCredentials oauth = (OAuthClientCredentials) connection.auth();
            AccessToken rejected = credentials.accessToken().get();
            boolean dropped = slot.drop(rejected);
            events.publish(new AuthEvent.TokenRejected(connection.id(), oauth.tokenEndpoint(), oauth.clientId(), rejected.fingerprint(), dropped));
            return dropped;
        }

        Either<AuthError, AccessToken> token() {
            if (!(connection.auth() instanceof OAuthClientCredentials oauth)) {
                throw new IllegalStateException("Connection '" + connection.id() + "' does not use OAuth client credentials");
            }
            return slot.token(oauth.tokenPolicy(), this);
        }

        @Override
        public Either<AuthError, AccessToken> requestToken(Optional<AccessToken> current) {
            return issueToken(current).map(TokenCache.IssuedToken::token);
        }

        @Override
        public Either<AuthError, TokenCache.IssuedToken> issueToken(Optional<AccessToken> current) {
            return tokenIssuance.issueToken(connection.id(), (OAuthClientCredentials) connection.auth(), current);
        }

        @Override
        public boolean credentialsChanged(AccessToken token, byte[] credentialsDigest) {
            return tokenIssuance.clientSecretChanged(connection.id(), (OAuthClientCredentials) connection.auth(), token, credentialsDigest);
        }

        /**
         * Resolves the secret of a Basic or API key connection and returns the credentials built
         * from it, reusing the last ones while the secret has the value they were built from. The
         * value is checked only when it differs from that one.
         */
        private Either<AuthError, RequestCredentials> fromSecret(String field, SecretRef ref) {
            Either<AuthError, Secret> resolved = secretStore.resolve(ref);
            if (resolved.isLeft()) {
                return Either.left(resolved.getLeft());
            }
            Secret secret = resolved.get();
            Built last = built;
            // A store may return a new Secret object for an unchanged value, so the values are compared.
            if (last != null && (last.source == secret || last.sourceValue.equals(secret.reveal()))) {
                return last.asResult;
            }

            Either<AuthError, Secret> checked = secrets.check(connection.id(), field, ref, secret);
            if (checked.isLeft()) {
                return Either.left(checked.getLeft());
            }
            Built fresh = new Built(secret, secret.reveal(), Either.right(build(secret)));
            built = fresh;
            return fresh.asResult;
        }

        private RequestCredentials build(Secret secret) {
            return switch (connection.auth()) {
                case Basic basic -> RequestCredentials.header(AUTHORIZATION, BasicCredentials.headerValue(basic.username(), secret));
                case ApiKey apiKey -> apiKeyCredentials(apiKey, secret);
                case OAuthClientCredentials oauth -> throw new IllegalStateException("OAuth credentials are built from tokens");
                case CustomAuthMethod custom -> throw new IllegalStateException("Plugin methods build their own credentials");
            };
        }

        @Override
        public String toString() {
            return "PreparedConnection[" + connection.id() + "]";
        }
    }
}
