package dev.httpauth.testkit;

import com.sun.net.httpserver.HttpExchange;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks HTTP Basic credentials (RFC 7617, UTF-8) and API keys against fixed expected values.
 * Every comparison of a credential runs in constant time with {@link MessageDigest#isEqual}.
 */
final class StaticCredentialChecks {

    private static final String BASIC_CHALLENGE = "Basic realm=\"" + ProtectedResource.REALM + "\", charset=\"UTF-8\"";
    private static final String API_KEY_CHALLENGE = "ApiKey realm=\"" + ProtectedResource.REALM + "\"";

    private final ProtectedResource.Expected expected;

    StaticCredentialChecks(ProtectedResource.Expected expected) {
        this.expected = expected;
    }

    /** Checks the {@code Authorization: Basic} header. The subject of accepted credentials is the user-id. */
    Verdict basic(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            return new Verdict.Rejected(BASIC_CHALLENGE, "the request has no Authorization header");
        }

        Optional<String> credentials = credentialsOfScheme(authorization, "Basic");
        if (credentials.isEmpty()) {
            return new Verdict.Rejected(BASIC_CHALLENGE, "the Authorization header does not use the Basic scheme");
        }

        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(credentials.get());
        } catch (IllegalArgumentException e) {
            return new Verdict.Rejected(BASIC_CHALLENGE, "the Basic credentials are not valid Base64");
        }

        String userPass;
        try {
            userPass = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Verdict.Rejected(BASIC_CHALLENGE, "the Basic credentials are not valid UTF-8");
        }

        int colon = userPass.indexOf(':');
        if (colon < 0) {
            return new Verdict.Rejected(BASIC_CHALLENGE, "the Basic credentials have no ':' between user-id and password");
        }

        String username = userPass.substring(0, colon);
        String password = userPass.substring(colon + 1);
        // Both comparisons always run, so the time taken does not tell which part was wrong.
        boolean usernameMatches = constantTimeEquals(username, expected.basicUsername());
        boolean passwordMatches = constantTimeEquals(password, expected.basicPassword());
        if (!(usernameMatches & passwordMatches)) {
            return new Verdict.Rejected(BASIC_CHALLENGE, "wrong username or password");
        }
        return new Verdict.Authorized("basic", username);
    }

    /** Checks the API key header. The subject is the header name, because a key carries no identity. */
    Verdict apiKeyInHeader(HttpExchange exchange) {
        String header = expected.apiKeyHeader();
        String key = exchange.getRequestHeaders().getFirst(header);
        if (key == null) {
            return new Verdict.Rejected(API_KEY_CHALLENGE, "the request has no " + header + " header");
        }
        if (!constantTimeEquals(key, expected.apiKey())) {
            return new Verdict.Rejected(API_KEY_CHALLENGE, "wrong API key in the " + header + " header");
        }
        return new Verdict.Authorized("api-key", header);
    }

    /** Checks the API key query parameter. The subject is the parameter name. */
    Verdict apiKeyInQuery(HttpExchange exchange) {
        String parameter = expected.apiKeyQueryParameter();
        Optional<String> key = queryParameter(exchange.getRequestURI().getRawQuery(), parameter);
        if (key.isEmpty()) {
            return new Verdict.Rejected(API_KEY_CHALLENGE, "the query has no " + parameter + " parameter");
        }
        if (!constantTimeEquals(key.get(), expected.apiKey())) {
            return new Verdict.Rejected(API_KEY_CHALLENGE, "wrong API key in the " + parameter + " query parameter");
        }
        return new Verdict.Authorized("api-key", parameter);
    }

    /**
     * Returns the credentials after {@code scheme} and one space, or empty when the header uses
     * another scheme. Scheme names are case-insensitive (RFC 9110 §11.1).
     */
    static Optional<String> credentialsOfScheme(String authorization, String scheme) {
        int space = authorization.indexOf(' ');
        if (space < 0 || !authorization.substring(0, space).toLowerCase(Locale.ROOT).equals(scheme.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(space + 1).strip());
    }

    /** Returns the first value of {@code name} in a form-urlencoded query, decoded as UTF-8. */
    private static Optional<String> queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                if (URLDecoder.decode(rawName, StandardCharsets.UTF_8).equals(name)) {
                    return Optional.of(URLDecoder.decode(rawValue, StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException e) {
                // A malformed %-escape in another parameter does not concern this check.
            }
        }
        return Optional.empty();
    }

    private static boolean constantTimeEquals(String actual, String expected) {
        return MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
