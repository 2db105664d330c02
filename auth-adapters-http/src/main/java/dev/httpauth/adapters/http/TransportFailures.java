package dev.httpauth.adapters.http;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/** Translates the exceptions of a failed exchange into {@link AuthError}s with plain reasons. */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * Returns {@code MalformedTokenResponse} when the body was longer than the limit, with the
     * delay of the response's {@code Retry-After}, and {@code TokenEndpointUnreachable} with a
     * reason such as {@code connection refused} or {@code timed out after 10 s} for everything else.
     */
    static AuthError toAuthError(
            URI endpoint,
            IOException exception,
            TokenEndpointSettings settings,
            Secret clientSecret,
            RetryAfter retryAfter) {
        Optional<BoundedBodyHandler.BodyTooLargeException> tooLarge = find(exception, BoundedBodyHandler.BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            BoundedBodyHandler.BodyTooLargeException body = tooLarge.get();
            return new AuthError.MalformedTokenResponse(
                    endpoint,
                    body.status(),
                    ResponseText.field(body.contentType(), clientSecret),
                    "the body is longer than the limit of " + body.maxBytes() + " bytes, so it was not read to the end",
                    ResponseText.excerpt(body.start(), clientSecret),
                    retryAfter.delay(body.status(), body.headers()));
        }
        return new AuthError.TokenEndpointUnreachable(endpoint, reason(endpoint, exception, settings));
    }

    private static String reason(URI endpoint, IOException exception, TokenEndpointSettings settings) {
        if (find(exception, HttpConnectTimeoutException.class).isPresent()) {
            return "connecting timed out after " + seconds(settings.connectTimeout());
        }
        if (find(exception, HttpTimeoutException.class).isPresent()) {
            return timedOut(settings);
        }
        if (find(exception, UnresolvedAddressException.class).isPresent() || find(exception, UnknownHostException.class).isPresent()) {
            return "the host " + endpoint.getHost() + " could not be resolved";
        }
        if (find(exception, SSLException.class).isPresent()) {
            return "the TLS handshake failed: " + innermostMessage(exception).orElse(exception.getClass().getSimpleName());
        }
        if (find(exception, ConnectException.class).isPresent()) {
            // The HttpClient of JDK 25 reports a refused connection as a ConnectException without a message.
            Optional<String> message = innermostMessage(exception);
            return message.isEmpty() || message.get().toLowerCase(Locale.ROOT).contains("refused")
                    ? "connection refused"
                    : "connecting failed: " + message.get();
        }
        return "the exchange failed: " + innermostMessage(exception).orElse(exception.getClass().getSimpleName());
    }

    /** Returns the reason for an exchange that did not complete within the request timeout. */
    static String timedOut(TokenEndpointSettings settings) {
        return "timed out after " + seconds(settings.requestTimeout()) + " without a complete response";
    }

    /** Formats {@code duration} in whole seconds when it has no fraction, else in milliseconds. */
    static String seconds(Duration duration) {
        return duration.toMillisPart() == 0 && duration.toNanosPart() % 1_000_000 == 0
                ? duration.toSeconds() + " s"
                : duration.toMillis() + " ms";
    }

    private static <T extends Throwable> Optional<T> find(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    /** Returns the message of the deepest cause that has one. */
    private static Optional<String> innermostMessage(Throwable throwable) {
        Optional<String> message = Optional.empty();
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = Optional.of(cause.getMessage());
            }
        }
        return message;
    }
}
