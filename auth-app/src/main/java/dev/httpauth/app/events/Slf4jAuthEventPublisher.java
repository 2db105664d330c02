package dev.httpauth.app.events;

import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes auth events as SLF4J log lines to the logger {@code dev.httpauth.events}: an obtained or
 * refreshed token at INFO; a failed refresh while the current token is still valid, a failed
 * token request with no valid token left, and a token that a resource server rejected at WARN.
 *
 * <p>A line names the connection, the token endpoint's host and port, the client id and, where a
 * token is involved, its fingerprint. It never contains a token or a secret.
 *
 * <p>Failures repeat while a server is down, so failed refreshes and failed token requests of one
 * connection are each logged at most once per {@code repeatInterval}, and the next line that gets
 * through counts the lines left out. A success starts the count again. Thread-safe.
 */
public final class Slf4jAuthEventPublisher implements PublishAuthEventPort {

    /** The logger name, so that a logging configuration can raise or lower these lines alone. */
    public static final String LOGGER_NAME = "dev.httpauth.events";

    /** How often one kind of failure of one connection is logged by default. */
    public static final Duration DEFAULT_REPEAT_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

    private final Clock clock;
    private final Duration repeatInterval;
    private final ConcurrentHashMap<String, RepeatWindow> windows = new ConcurrentHashMap<>();

    /** Creates a publisher that logs failed refreshes and failed token requests of a connection at most once a minute each. */
    public Slf4jAuthEventPublisher() {
        this(Clock.systemUTC(), DEFAULT_REPEAT_INTERVAL);
    }

    /**
     * @param clock the source of the current time for rate limiting
     * @param repeatInterval the shortest time between two lines about the same kind of failure of
     *     the same connection
     */
    public Slf4jAuthEventPublisher(Clock clock, Duration repeatInterval) {
        this.clock = clock;
        this.repeatInterval = repeatInterval;
    }

    @Override
    public void publish(AuthEvent event) {
        switch (event) {
            case AuthEvent.TokenObtained obtained -> {
                windows.remove(failureKey(obtained.connectionId(), "request"));
                log.info(
                        "Connection '{}': obtained a token from {} for client '{}', fingerprint {}, lifetime {} s",
                        obtained.connectionId(),
                        hostAndPort(obtained.tokenEndpoint()),
                        obtained.clientId(),
                        obtained.tokenFingerprint(),
                        obtained.lifetime().toSeconds());
            }
            case AuthEvent.TokenRefreshed refreshed -> {
                windows.remove(failureKey(refreshed.connectionId(), "refresh"));
                log.info(
                        "Connection '{}': refreshed the token from {} for client '{}', fingerprint {} replaces {}, lifetime {} s",
                        refreshed.connectionId(),
                        hostAndPort(refreshed.tokenEndpoint()),
                        refreshed.clientId(),
                        refreshed.tokenFingerprint(),
                        refreshed.previousFingerprint(),
                        refreshed.lifetime().toSeconds());
            }
            case AuthEvent.RefreshFailed failed -> {
                long suppressed = admit(failureKey(failed.connectionId(), "refresh"));
                if (suppressed >= 0) {
                    log.warn(
                            "Connection '{}': refreshing the token from {} for client '{}' failed, the current token stays in use until {}: {}{}",
                            failed.connectionId(),
                            hostAndPort(failed.tokenEndpoint()),
                            failed.clientId(),
                            failed.currentExpiresAt(),
                            failed.error().message(),
                            suppressedNote(suppressed));
                }
            }
            case AuthEvent.TokenRequestFailed failed -> {
                long suppressed = admit(failureKey(failed.connectionId(), "request"));
                if (suppressed >= 0) {
                    log.warn(
                            "Connection '{}': token request to {} for client '{}' failed: {}{}",
                            failed.connectionId(),
                            hostAndPort(failed.tokenEndpoint()),
                            failed.clientId(),
                            failed.error().message(),
                            suppressedNote(suppressed));
                }
            }
            case AuthEvent.ClientSecretChanged changed -> log.info(
                    "Connection '{}': client secret {} changed since the token with fingerprint {} was obtained from {} for client '{}';"
                            + " refreshing it with the new secret, and the current token stays in use until then",
                    changed.connectionId(),
                    changed.clientSecret(),
                    changed.tokenFingerprint(),
                    hostAndPort(changed.tokenEndpoint()),
                    changed.clientId());
            case AuthEvent.ClientSecretCheckFailed failed -> {
                long suppressed = admit(failureKey(failed.connectionId(), "secret-check"));
                if (suppressed >= 0) {
                    log.warn(
                            "Connection '{}': cannot check client secret {} for a rotation, so the cached token from {} for client '{}' stays in use;"
                                    + " the next token request fails the same way unless the secret is restored: {}{}",
                            failed.connectionId(),
                            failed.clientSecret(),
                            hostAndPort(failed.tokenEndpoint()),
                            failed.clientId(),
                            failed.error().message(),
                            suppressedNote(suppressed));
                }
            }
            case AuthEvent.TokenRejected rejected -> log.warn(
                    "Connection '{}': a resource server rejected the token with fingerprint {} from {} for client '{}'; {}",
                    rejected.connectionId(),
                    rejected.tokenFingerprint(),
                    hostAndPort(rejected.tokenEndpoint()),
                    rejected.clientId(),
                    rejected.dropped() ? "dropped it from the cache" : "it was no longer the cached token, for example because a newer one had replaced it");
        }
    }

    /**
     * Decides whether a failure is logged now.
     *
     * @return the number of like failures left out since the last line, or -1 to leave this one out
     */
    private long admit(String key) {
        Instant now = clock.instant();
        RepeatWindow window = windows.compute(key, (unused, current) ->
                current == null || !now.isBefore(current.openedAt().plus(repeatInterval))
                        ? new RepeatWindow(now, 0, true, current == null ? 0 : current.leftOut())
                        : new RepeatWindow(current.openedAt(), current.leftOut() + 1, false, 0));
        return window.admitted() ? window.leftOutBefore() : -1;
    }

    private static String failureKey(String connectionId, String kind) {
        return connectionId + "/" + kind;
    }

    private static String suppressedNote(long suppressed) {
        return suppressed == 0 ? "" : " (" + suppressed + " similar failures were not logged)";
    }

    /** Returns {@code host} or {@code host:port}, leaving out any user information of the URI. */
    static String hostAndPort(URI endpoint) {
        String host = endpoint.getHost() == null ? "(no host)" : endpoint.getHost();
        return endpoint.getPort() < 0 ? host : host + ":" + endpoint.getPort();
    }

    /**
     * The rate-limit state of one kind of failure.
     *
     * @param openedAt when the last logged line was written
     * @param leftOut failures left out since then
     * @param admitted whether the failure that produced this state is logged
     * @param leftOutBefore for an admitted failure, how many were left out before it
     */
    private record RepeatWindow(Instant openedAt, long leftOut, boolean admitted, long leftOutBefore) {
    }
}
