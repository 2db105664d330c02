package dev.httpauth.app;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Makes a rotated OAuth client secret take effect while a token obtained with the old secret is
 * still cached.
 *
 * <p>The domain resolves a client secret only when it requests a token, so a cached token
 * outlives a rotation of its secret. This decorator checks each connection at most once per
 * check interval, on the thread of an {@link #authorize} call and only when that call returned
 * an access token: it resolves the client secret again and compares it with the secret the
 * token was obtained with, as {@link ClientSecretRecorder} remembers it. When they differ, it
 * reports the token as rejected, which drops exactly that token, and authorizes again, so the
 * same call returns a token obtained with the new secret. No timers and no threads are started.
 *
 * <p>NOTE: the domain offers no way to drop a token other than {@code reportRejected}, which
 * also publishes a {@code TokenRejected} event, logged as a rejection by a resource server.
 * This class logs the rotation first, so that the event line has its explanation.
 *
 * <p>Thread-safe: when several callers find a check due, one of them runs it.
 */
final class RotationAwareAuthorization implements AuthorizeRequestUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(RotationAwareAuthorization.class);

    private final AuthorizeRequestUseCase authorization;
    private final LoadConnectionsPort connections;
    private final ResolveSecretPort secrets;
    private final ClientSecretRecorder recorder;
    private final Clock clock;
    private final Duration checkInterval;
    private final ConcurrentHashMap<String, AtomicReference<Instant>> nextChecks = new ConcurrentHashMap<>();

    /**
     * @param authorization the service that computes credentials; its token requests must go through {@code recorder}
     * @param connections the connections, read to find a connection's client secret ref
     * @param secrets the secret stores
     * @param recorder the token endpoint port of {@code authorization}
     * @param clock decides when a check is due
     * @param checkInterval the minimum time between two checks of one connection; zero checks on every call
     */
    RotationAwareAuthorization(
            AuthorizeRequestUseCase authorization,
            LoadConnectionsPort connections,
            ResolveSecretPort secrets,
            ClientSecretRecorder recorder,
            Clock clock,
            Duration checkInterval) {
        this.authorization = authorization;
        this.connections = connections;
        this.secrets = secrets;
        this.recorder = recorder;
        this.clock = clock;
        this.checkInterval = checkInterval;
    }

    @Override
    public Either<AuthError, RequestCredentials> authorize(String connectionId, OutgoingRequest request) {
        Either<AuthError, RequestCredentials> credentials = authorization.authorize(connectionId, request);
        if (credentials.isLeft() || credentials.get().accessToken().isEmpty() || !claimCheck(connectionId)) {
            return credentials;
        }
        if (!clientSecretRotated(connectionId, credentials.get().accessToken().get())) {
            return credentials;
        }

        authorization.reportRejected(connectionId, credentials.get());
        return authorization.authorize(connectionId, request);
    }

    @Override
    public boolean reportRejected(String connectionId, RequestCredentials credentials) {
        return authorization.reportRejected(connectionId, credentials);
    }

    /**
     * Returns true for exactly one caller once the check of {@code connectionId} is due, and moves
     * the next check one interval on. The first call for a connection only schedules its first
     * check, because its token was most likely obtained just now.
     */
    private boolean claimCheck(String connectionId) {
        Instant now = clock.instant();
        AtomicReference<Instant> nextCheck = nextChecks.computeIfAbsent(connectionId, unused -> new AtomicReference<>(now.plus(checkInterval)));
        Instant due = nextCheck.get();
        return !now.isBefore(due) && nextCheck.compareAndSet(due, now.plus(checkInterval));
    }

    private boolean clientSecretRotated(String connectionId, AccessToken token) {
        Optional<byte[]> used = recorder.clientSecretDigest(token);
        Either<AuthError, Connection> connection = connections.loadConnection(connectionId);
        if (used.isEmpty() || connection.isLeft() || !(connection.get().auth() instanceof OAuthClientCredentials method)) {
            return false;
        }

        Either<AuthError, Secret> current = secrets.resolve(method.clientSecret());
        if (current.isLeft()) {
            LOG.warn("Connection '{}': cannot check whether client secret {} was rotated, so the cached token stays: {}",
                    connectionId, method.clientSecret(), current.getLeft().message());
            return false;
        }
        if (MessageDigest.isEqual(used.get(), ClientSecretRecorder.digest(current.get()))) {
            return false;
        }
        LOG.info("Connection '{}': client secret {} changed since the cached token with fingerprint {} was obtained;"
                        + " dropping that token and obtaining a new one",
                connectionId, method.clientSecret(), token.value().fingerprint());
        return true;
    }
}
