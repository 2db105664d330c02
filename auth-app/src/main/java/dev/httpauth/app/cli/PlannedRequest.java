package dev.httpauth.app.cli;

import dev.httpauth.domain.model.OutgoingRequest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as the user described it, before credentials are added.
 *
 * @param method the HTTP method, upper case
 * @param uri the absolute http or https URI
 * @param headers the user's headers in the order given
 * @param body the request body, empty for none
 */
record PlannedRequest(String method, URI uri, List<HeaderField> headers, Optional<byte[]> body) {

    /** A header the user gave with {@code -H 'Name: value'}. */
    record HeaderField(String name, String value) {
    }

    PlannedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** Creates a {@code GET} without headers or body. */
    static PlannedRequest get(URI uri) {
        return new PlannedRequest("GET", uri, List.of(), Optional.empty());
    }

    /** Describes this request to the domain, which may compute credentials from it, with the digest of the body if there is one. */
    OutgoingRequest toOutgoingRequest() {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (HeaderField header : headers) {
            byName.computeIfAbsent(header.name(), name -> new ArrayList<>()).add(header.value());
        }
        OutgoingRequest request = new OutgoingRequest(method, uri, byName);
        return body.map(request::withBody).orElse(request);
    }
}
