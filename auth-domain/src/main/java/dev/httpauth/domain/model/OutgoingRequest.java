package dev.httpauth.domain.model;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request that credentials are computed for.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param uri the absolute request URI
 * @param headers the headers the request already has
 */
public record OutgoingRequest(String method, URI uri, Map<String, List<String>> headers) {

    public OutgoingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Describes a request without headers. */
    public static OutgoingRequest of(String method, URI uri) {
        return new OutgoingRequest(method, uri, Map.of());
    }
}
