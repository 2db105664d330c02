package dev.httpauth.domain.model;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4): the framework obtains an access token from
 * the token endpoint and sends it as {@code Authorization: Bearer <token>} (RFC 6750).
 *
 * @param tokenEndpoint the authorization server's token endpoint
 * @param clientId the client identifier
 * @param clientSecret where the client secret is stored
 * @param scopes the scopes to request, none to let the server choose
 * @param clientAuthentication how the client authenticates to the token endpoint
 * @param audience the {@code audience} parameter some servers require, if any
 * @param resource the RFC 8707 {@code resource} indicator, if any
 * @param tokenPolicy the rules for caching and refreshing the token
 */
public record OAuthClientCredentials(
        URI tokenEndpoint,
        String clientId,
        SecretRef clientSecret,
        List<String> scopes,
        ClientAuthentication clientAuthentication,
        Optional<String> audience,
        Optional<String> resource,
        TokenPolicy tokenPolicy) implements HttpAuthMethod {

    public static final String TYPE_ID = "oauth2-client-credentials";

    public OAuthClientCredentials {
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        clientAuthentication = clientAuthentication == null ? ClientAuthentication.CLIENT_SECRET_BASIC : clientAuthentication;
        audience = audience == null ? Optional.empty() : audience;
        resource = resource == null ? Optional.empty() : resource;
        tokenPolicy = tokenPolicy == null ? TokenPolicy.DEFAULT : tokenPolicy;
    }

    /** Creates a method with {@code client_secret_basic}, no audience or resource and the default policy. */
    public static OAuthClientCredentials of(URI tokenEndpoint, String clientId, SecretRef clientSecret, List<String> scopes) {
        return new OAuthClientCredentials(
                tokenEndpoint,
                clientId,
                clientSecret,
                scopes,
                ClientAuthentication.CLIENT_SECRET_BASIC,
                Optional.empty(),
                Optional.empty(),
                TokenPolicy.DEFAULT);
    }

    @Override
    public String typeId() {
        return TYPE_ID;
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of("clientSecret", clientSecret);
    }
}
