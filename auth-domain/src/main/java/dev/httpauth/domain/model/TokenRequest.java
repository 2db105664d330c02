package dev.httpauth.domain.model;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client credentials token request (RFC 6749 §4.4.2).
 *
 * @param tokenEndpoint where to send the request
 * @param clientId the client identifier
 * @param clientSecret the client secret
 * @param scopes the scopes to request, empty for none
 * @param clientAuthentication how to send the client id and secret
 * @param audience the {@code audience} parameter, if any
 * @param resource the RFC 8707 {@code resource} parameter, if any
 */
public record TokenRequest(
        URI tokenEndpoint,
        String clientId,
        Secret clientSecret,
        List<String> scopes,
        ClientAuthentication clientAuthentication,
        Optional<String> audience,
        Optional<String> resource) {

    public TokenRequest {
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(clientAuthentication, "clientAuthentication");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(resource, "resource");
    }

    /** Builds the request for {@code method} with the resolved {@code clientSecret}. */
    public static TokenRequest forMethod(OAuthClientCredentials method, Secret clientSecret) {
        return new TokenRequest(
                method.tokenEndpoint(),
                method.clientId(),
                clientSecret,
                method.scopes(),
                method.clientAuthentication(),
                method.audience(),
                method.resource());
    }
}
