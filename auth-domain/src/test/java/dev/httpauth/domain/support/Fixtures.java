package dev.httpauth.domain.support;

import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenPolicy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Factories for valid auth methods, token responses and access tokens, which tests vary one field at a time. */
public final class Fixtures {

    public static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    public static final URI TOKEN_ENDPOINT = URI.create("https://login.example.com/oauth2/token");
    public static final String CLIENT_ID = "crm-client";
    public static final String CLIENT_SECRET_REF = "env:CRM_CLIENT_SECRET";
    public static final String PASSWORD_REF = "env:BILLING_PASSWORD";
    public static final String API_KEY_REF = "env:MAPS_KEY";
    public static final OutgoingRequest GET_ORDERS = OutgoingRequest.of("GET", URI.create("https://api.example.com/orders?page=2"));

    private Fixtures() {
    }

    /** Parses {@code text} as a secret ref, failing the test if it is not one. */
    public static SecretRef ref(String text) {
        return SecretRef.parse(text).fold(
                message -> {
                    throw new IllegalArgumentException("Test fixture '" + text + "' " + message);
                },
                parsed -> parsed);
    }

    public static Basic basicMethod(String username) {
        return new Basic(username, ref(PASSWORD_REF));
    }

    public static ApiKey headerKeyMethod(String headerName) {
        return ApiKey.inHeader(headerName, ref(API_KEY_REF));
    }

    public static ApiKey headerKeyMethodWithPrefix(String headerName, String prefix) {
        return new ApiKey(ApiKey.Placement.HEADER, headerName, prefix, ref(API_KEY_REF));
    }

    public static ApiKey queryKeyMethod(String parameterName) {
        return ApiKey.inQuery(parameterName, ref(API_KEY_REF));
    }

    /** An OAuth method for {@link #TOKEN_ENDPOINT} with scope {@code crm.read} and the default policy. */
    public static OAuthClientCredentials oauthMethod() {
        return OAuthClientCredentials.of(TOKEN_ENDPOINT, CLIENT_ID, ref(CLIENT_SECRET_REF), List.of("crm.read"));
    }

    public static OAuthClientCredentials oauthMethodAt(URI tokenEndpoint) {
        return OAuthClientCredentials.of(tokenEndpoint, CLIENT_ID, ref(CLIENT_SECRET_REF), List.of("crm.read"));
    }

    public static OAuthClientCredentials oauthMethodWithScopes(List<String> scopes) {
        return OAuthClientCredentials.of(TOKEN_ENDPOINT, CLIENT_ID, ref(CLIENT_SECRET_REF), scopes);
    }

    public static OAuthClientCredentials oauthMethodWithPolicy(TokenPolicy policy) {
        return new OAuthClientCredentials(
                TOKEN_ENDPOINT,
                CLIENT_ID,
                ref(CLIENT_SECRET_REF),
                List.of("crm.read"),
                ClientAuthentication.CLIENT_SECRET_BASIC,
                Optional.empty(),
                Optional.empty(),
                policy);
    }

    /** Creates a Bearer token response with {@code expires_in} and no {@code scope}. */
    public static TokenGrant bearerGrant(String token, Duration expiresIn) {
        return new TokenGrant(Secret.of(token), "Bearer", Optional.of(expiresIn), Optional.empty());
    }

    /** Creates a Bearer token response with neither {@code expires_in} nor {@code scope}. */
    public static TokenGrant bearerGrantWithoutLifetime(String token) {
        return new TokenGrant(Secret.of(token), "Bearer", Optional.empty(), Optional.empty());
    }

    public static AccessToken accessToken(String value, Instant obtainedAt, Duration lifetime) {
        return new AccessToken(Secret.of(value), "Bearer", obtainedAt, obtainedAt.plus(lifetime), true, List.of("crm.read"));
    }
}
