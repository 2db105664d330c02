package dev.httpauth.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits for every request of a {@link TokenEndpointClient}.
 *
 * @param connectTimeout the maximum time to establish the connection to the token endpoint
 * @param requestTimeout the maximum time for the whole exchange, from sending the request to the
 *     last byte of the response body
 * @param maxResponseBytes the largest response body to read, in bytes. A larger body is rejected
 *     as a malformed response, because a token response is usually a few kilobytes
 */
public record TokenEndpointSettings(Duration connectTimeout, Duration requestTimeout, int maxResponseBytes) {

    /**
     * @throws IllegalArgumentException if a timeout is not positive or {@code maxResponseBytes} is
     *     less than 1
     */
    public TokenEndpointSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, but is " + connectTimeout);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, but is " + requestTimeout);
        }
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1, but is " + maxResponseBytes);
        }
    }

    /** Returns settings with a 5 s connect timeout, a 10 s request timeout and a 64 KiB body limit. */
    public static TokenEndpointSettings defaults() {
        return new TokenEndpointSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 64 * 1024);
    }
}
