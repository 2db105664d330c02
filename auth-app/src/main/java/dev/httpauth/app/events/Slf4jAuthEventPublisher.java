package dev.httpauth.app.events;

import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;

/**
 * Writes auth events as SLF4J log lines to the logger {@code dev.httpauth.events}: an obtained token
 * at INFO, a failed token request at WARN.
 *
 * <p>A line names the connection, the token endpoint's host and port, and for an obtained token
 * the client id, the token's fingerprint and its lifetime. It never contains a token or a secret.
 * Thread-safe.
 */
public final class Slf4jAuthEventPublisher implements PublishAuthEventPort {

    /** The logger name, so that a logging configuration can raise or lower these lines alone. */
    public static final String LOGGER_NAME = "dev.httpauth.events";

    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    public void publish(AuthEvent event) {
        switch (event) {
            case AuthEvent.TokenObtained obtained -> log.info(
                    "Connection '{}': obtained a token from {} for client '{}', fingerprint {}, lifetime {} s",
                    obtained.connectionId(),
                    hostAndPort(obtained.tokenEndpoint()),
                    obtained.clientId(),
                    obtained.tokenFingerprint(),
                    obtained.lifetime().toSeconds());
            case AuthEvent.TokenRequestFailed failed -> log.warn(
                    "Connection '{}': token request to {} for client '{}' failed: {}",
                    failed.connectionId(),
                    hostAndPort(failed.tokenEndpoint()),
                    failed.clientId(),
                    failed.error().message());
        }
    }

    /** Returns {@code host} or {@code host:port}, leaving out any user information of the URI. */
    static String hostAndPort(URI endpoint) {
        String host = endpoint.getHost() == null ? "(no host)" : endpoint.getHost();
        return endpoint.getPort() < 0 ? host : host + ":" + endpoint.getPort();
    }
}
