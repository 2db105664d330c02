package dev.httpauth.adapters.http;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TokenGrant;
import io.vavr.control.Either;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Interprets one token endpoint response: a token per RFC 6749 §5.1, an error per §5.2, or
 * something unusable. Every text taken from the response passes through {@link ResponseText}, so
 * the errors built here contain neither the client secret nor the value of an
 * {@code access_token}, {@code refresh_token} or {@code id_token} field.
 *
 * <p>The body is parsed as JSON whatever type its {@code Content-Type} header names, so a JSON body with a wrong
 * content type is still understood.
 */
final class TokenResponseParser {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE);

    private final URI endpoint;
    private final Secret clientSecret;
    private final ReceivedResponse response;

    TokenResponseParser(URI endpoint, Secret clientSecret, ReceivedResponse response) {
        this.endpoint = endpoint;
        this.clientSecret = clientSecret;
        this.response = response;
    }

    /**
     * Returns the token, or {@code TokenRequestRejected} for a JSON body with an {@code error}
     * field, {@code UnsupportedTokenType} for a token type other than Bearer, and
     * {@code MalformedTokenResponse} for everything else, including any redirect.
     */
    Either<AuthError, TokenGrant> parse() {
        if (response.isRedirect()) {
            String location = response.location().map(value -> ResponseText.field(value, clientSecret)).orElse("(no Location header)");
            return malformed("redirects are not followed, and the server redirected to " + location
                    + ": set tokenEndpoint to the final URL of the token endpoint");
        }

        Optional<JsonNode> json = readObject(response.body());
        Optional<String> error = json.flatMap(object -> string(object, "error"));
        boolean hasAccessToken = json.map(object -> object.hasNonNull("access_token")).orElse(false);
        if (error.isPresent() && (!response.isSuccess() || !hasAccessToken)) {
            return Either.left(rejected(json.get(), error.get()));
        }

        if (!response.isSuccess()) {
            String problem = json.isPresent() ? "the JSON body has no \"error\" string" : "the body is not a JSON object";
            return malformed("HTTP " + response.status() + " is not an RFC 6749 error response because " + problem
                    + ": check that tokenEndpoint is the token endpoint URL");
        }
        if (json.isEmpty()) {
            return malformed("a successful token response must be a JSON object (RFC 6749 section 5.1), but this body is not"
                    + ": check that tokenEndpoint is the token endpoint URL");
        }

        return grant(json.get());
    }

    private Either<AuthError, TokenGrant> grant(JsonNode json) {
        return accessToken(json)
                .flatMap(token -> tokenType(json)
                .flatMap(type -> expiresIn(json)
                .flatMap(lifetime -> scopes(json)
                .map(scopes -> new TokenGrant(token, type, lifetime, scopes)))));
    }

    /**
     * Reads {@code access_token}. RFC 6749 allows spaces in it, but the token goes into an
     * {@code Authorization: Bearer} header, so only visible ASCII (U+0021–U+007E) is accepted.
     */
    private Either<AuthError, Secret> accessToken(JsonNode json) {
        JsonNode node = json.get("access_token");
        if (node == null || node.isNull()) {
            return malformed("the response has no access_token");
        }
        if (!node.isString()) {
            return malformed("access_token is not a string");
        }
        String token = node.stringValue();
        if (token.isEmpty()) {
            return malformed("access_token is empty");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return malformed("access_token contains a space, control character or non-ASCII character at position " + (i + 1)
                        + ", so it cannot be sent in an Authorization header");
            }
        }
        return Either.right(Secret.of(token));
    }

    /** Reads {@code token_type}, which is case-insensitive (RFC 6749 section 5.1), and accepts only Bearer. */
    private Either<AuthError, String> tokenType(JsonNode json) {
        JsonNode node = json.get("token_type");
        if (node == null || node.isNull()) {
            return malformed("the response has no token_type, which RFC 6749 section 5.1 requires");
        }
        if (!node.isString()) {
            return malformed("token_type is not a string");
        }
        String tokenType = node.stringValue();
        if (!tokenType.equalsIgnoreCase("Bearer")) {
            return Either.left(new AuthError.UnsupportedTokenType(endpoint, ResponseText.field(tokenType, clientSecret)));
        }
        return Either.right("Bearer");
    }

    /**
     * Reads {@code expires_in} in seconds, as a JSON number or a numeric string. A fraction of a
     * second is dropped, so the token is treated as expiring slightly early.
     */
    private Either<AuthError, Optional<Duration>> expiresIn(JsonNode json) {
        JsonNode node = json.get("expires_in");
        if (node == null || node.isNull()) {
            return Either.right(Optional.empty());
        }

        BigDecimal seconds;
        if (node.isNumber()) {
            seconds = node.decimalValue();
        } else if (node.isString()) {
            try {
                seconds = new BigDecimal(node.stringValue().strip());
            } catch (NumberFormatException e) {
                return malformed("expires_in '" + ResponseText.field(node.stringValue(), clientSecret) + "' is not a number of seconds");
            }
        } else {
            return malformed("expires_in is neither a number nor a numeric string");
        }

        if (seconds.signum() < 0) {
            return malformed("expires_in " + seconds.toPlainString() + " is negative");
        }
        if (seconds.compareTo(MAX_SECONDS) > 0) {
            return malformed("expires_in " + seconds.toPlainString() + " is too large to be a number of seconds");
        }
        return Either.right(Optional.of(Duration.ofSeconds(seconds.longValue())));
    }

    /**
     * Reads {@code scope}: a space-separated string (RFC 6749 section 3.3), or a JSON array of
     * strings, which some servers send instead.
     */
    private Either<AuthError, Optional<List<String>>> scopes(JsonNode json) {
        JsonNode node = json.get("scope");
        if (node == null || node.isNull()) {
            return Either.right(Optional.empty());
        }
        if (node.isString()) {
            List<String> scopes = Arrays.stream(node.stringValue().split(" ")).filter(scope -> !scope.isEmpty()).toList();
            return Either.right(Optional.of(scopes));
        }
        if (node.isArray()) {
            List<String> scopes = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isString()) {
                    return malformed("scope is a JSON array with an element that is not a string");
                }
                scopes.add(element.stringValue());
            }
            return Either.right(Optional.of(scopes));
        }
        return malformed("scope is neither a string nor a JSON array of strings");
    }

    private AuthError.TokenRequestRejected rejected(JsonNode json, String error) {
        return new AuthError.TokenRequestRejected(
                endpoint,
                response.status(),
                ResponseText.field(error, clientSecret),
                string(json, "error_description").map(text -> ResponseText.field(text, clientSecret)),
                string(json, "error_uri").map(text -> ResponseText.field(text, clientSecret)),
                response.retryAfter());
    }

    private <T> Either<AuthError, T> malformed(String reason) {
        return Either.left(new AuthError.MalformedTokenResponse(
                endpoint,
                response.status(),
                ResponseText.field(response.contentType(), clientSecret),
                reason,
                ResponseText.excerpt(response.body(), clientSecret),
                response.retryAfter()));
    }

    /** Returns the body as a JSON object, or empty when it is empty, not JSON, or another JSON value. */
    private static Optional<JsonNode> readObject(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> string(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node != null && node.isString() ? Optional.of(node.stringValue()) : Optional.empty();
    }
}
