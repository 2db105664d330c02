package dev.httpauth.adapters.http;

import java.time.Duration;
import java.util.Optional;

/**
 * A token endpoint response as received: the body is at most the configured limit.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} header, empty when there is none
 * @param location the {@code Location} header, if any
 * @param retryAfter the delay of the {@code Retry-After} header on a 429 or 5xx response,
 *     {@code Duration.ZERO} when there is none
 * @param body the body bytes
 */
record ReceivedResponse(int status, String contentType, Optional<String> location, Duration retryAfter, byte[] body) {

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    boolean isRedirect() {
        return status >= 300 && status < 400;
    }
}
