package dev.httpauth.domain.model;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The request that credentials are computed for.
 *
 * @param method the HTTP method, such as {@code GET}
 * @param uri the absolute request URI
 * @param headers the headers the request already has
 * @param bodyDigest the digest of the request body; empty when the request has no body
 */
public record OutgoingRequest(String method, URI uri, Map<String, List<String>> headers, Optional<BodyDigest> bodyDigest) {

    public OutgoingRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        bodyDigest = bodyDigest == null ? Optional.empty() : bodyDigest;
    }

    /** Describes a request without a body. */
    public OutgoingRequest(String method, URI uri, Map<String, List<String>> headers) {
        this(method, uri, headers, Optional.empty());
    }

    /** Describes a request without headers or body. */
    public static OutgoingRequest of(String method, URI uri) {
        return new OutgoingRequest(method, uri, Map.of());
    }

    /** Returns a copy that carries the SHA-256 digest of {@code body}, which may be empty. */
    public OutgoingRequest withBody(byte[] body) {
        return new OutgoingRequest(method, uri, headers, Optional.of(BodyDigest.sha256(body)));
    }
}
