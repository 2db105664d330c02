package dev.httpauth.adapters.http;

import dev.httpauth.domain.model.TokenRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Encodes a client credentials token request (RFC 6749 §4.4.2) as a form body and, for
 * {@code client_secret_basic}, an {@code Authorization} header.
 *
 * <p>The returned strings contain the client secret, so they must go nowhere but into the request.
 */
final class TokenRequestEncoding {

    private TokenRequestEncoding() {
    }

    /**
     * Builds the {@code application/x-www-form-urlencoded} body: {@code grant_type}, then
     * {@code scope} (space-separated, omitted when there are no scopes), {@code audience} and
     * {@code resource} when present, and for {@code client_secret_post} the {@code client_id} and
     * {@code client_secret}.
     */
    static String formBody(TokenRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("grant_type", "client_credentials");
        if (!request.scopes().isEmpty()) {
            parameters.put("scope", String.join(" ", request.scopes()));
        }
        request.audience().ifPresent(audience -> parameters.put("audience", audience));
        request.resource().ifPresent(resource -> parameters.put("resource", resource));

        switch (request.clientAuthentication()) {
            case CLIENT_SECRET_BASIC -> {
                // The credentials go into the Authorization header instead.
            }
            case CLIENT_SECRET_POST -> {
                parameters.put("client_id", request.clientId());
                parameters.put("client_secret", request.clientSecret().reveal());
            }
        }

        return parameters.entrySet().stream()
                .map(parameter -> formEncode(parameter.getKey()) + "=" + formEncode(parameter.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * Builds the {@code Authorization} header value for {@code client_secret_basic}: {@code Basic}
     * and the Base64 of the form-urlencoded client id, a colon and the form-urlencoded client secret
     * (RFC 6749 §2.3.1). Returns empty for {@code client_secret_post}.
     */
    static Optional<String> authorizationHeader(TokenRequest request) {
        return switch (request.clientAuthentication()) {
            case CLIENT_SECRET_BASIC -> {
                String userPass = formEncode(request.clientId()) + ":" + formEncode(request.clientSecret().reveal());
                yield Optional.of("Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.US_ASCII)));
            }
            case CLIENT_SECRET_POST -> Optional.empty();
        };
    }

    /** Encodes {@code value} as {@code application/x-www-form-urlencoded} with UTF-8, so a space becomes {@code +}. */
    static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
