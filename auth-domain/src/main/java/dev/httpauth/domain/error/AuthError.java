package dev.httpauth.domain.error;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.SecretRef;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An expected reason why a request could not be authorized. Returned in a Vavr {@code Either},
 * never thrown.
 *
 * <p>Every {@link #message()} names the value at fault and says what to do. No message contains a
 * secret value.
 */
public sealed interface AuthError {

    /** A sentence or two for the person who configured the connection. */
    String message();

    /**
     * Tells whether trying the same token request again later may succeed: true for an
     * unreachable endpoint and for HTTP 429 and 5xx responses, false for everything else, such as
     * {@code invalid_client}.
     */
    default boolean isRetryable() {
        return false;
    }

    /** Returns the delay the server requested with {@code Retry-After}, or {@code Duration.ZERO} for none. */
    default Duration retryAfter() {
        return Duration.ZERO;
    }

    /** Tells whether the error comes from configuration rather than from a server or store. */
    default boolean isConfigurationError() {
        return this instanceof InvalidConfiguration || this instanceof UnknownConnection || this instanceof UnsupportedAuthMethod;
    }

    /** No connection has the id {@code connectionId}. */
    record UnknownConnection(String connectionId, List<String> knownIds) implements AuthError {

        public UnknownConnection {
            knownIds = List.copyOf(knownIds);
        }

        @Override
        public String message() {
            String known = knownIds.isEmpty() ? "no connections are configured" : "configured connections: " + String.join(", ", knownIds);
            return "Unknown connection '" + connectionId + "' (" + known + ")";
        }
    }

    /** The configuration read from {@code source} has {@code problems}. */
    record InvalidConfiguration(String source, List<ConfigProblem> problems) implements AuthError {

        public InvalidConfiguration {
            problems = List.copyOf(problems);
        }

        @Override
        public String message() {
            return "Invalid configuration in " + source + ":"
                    + problems.stream().map(problem -> "\n  " + problem).collect(Collectors.joining());
        }
    }

    /** The secret behind {@code ref} could not be read. */
    record SecretUnavailable(SecretRef ref, String reason) implements AuthError {

        @Override
        public String message() {
            return "Secret " + ref + " is unavailable: " + reason;
        }
    }

    /** The token endpoint returned an RFC 6749 §5.2 error response. */
    record TokenRequestRejected(
            URI tokenEndpoint,
            int status,
            String error,
            Optional<String> description,
            Optional<String> errorUri,
            Duration retryAfter) implements AuthError {

        /** Creates a rejection without {@code Retry-After}. */
        public TokenRequestRejected(URI tokenEndpoint, int status, String error, Optional<String> description, Optional<String> errorUri) {
            this(tokenEndpoint, status, error, description, errorUri, Duration.ZERO);
        }

        @Override
        public boolean isRetryable() {
            return isRetryableStatus(status);
        }

        @Override
        public String message() {
            return "Token endpoint " + tokenEndpoint + " rejected the request with HTTP " + status + ", error '" + error + "'"
                    + description.map(text -> ": " + text).orElse("")
                    + errorUri.map(uri -> " (see " + uri + ")").orElse("")
                    + hint();
        }

        private String hint() {
            return switch (error) {
                case "invalid_client" -> ". Check the client id, the client secret and the clientAuthentication setting.";
                case "invalid_scope" -> ". Check the scope setting against the scopes the client may request.";
                case "unauthorized_client" -> ". The client is not allowed to use the client credentials grant; ask the server's administrator.";
                default -> "";
            };
        }
    }

    /** The token endpoint could not be reached or did not respond in time. */
    record TokenEndpointUnreachable(URI tokenEndpoint, String reason) implements AuthError {

        @Override
        public boolean isRetryable() {
            return true;
        }

        @Override
        public String message() {
            return "Token endpoint " + tokenEndpoint + " is unreachable: " + reason;
        }
    }

    /** The token endpoint returned something that is neither a token nor an RFC 6749 error. */
    record MalformedTokenResponse(URI tokenEndpoint, int status, String contentType, String reason, String excerpt, Duration retryAfter)
            implements AuthError {

        /** Creates an error without {@code Retry-After}. */
        public MalformedTokenResponse(URI tokenEndpoint, int status, String contentType, String reason, String excerpt) {
            this(tokenEndpoint, status, contentType, reason, excerpt, Duration.ZERO);
        }

        @Override
        public boolean isRetryable() {
            return isRetryableStatus(status);
        }

        @Override
        public String message() {
            return "Token endpoint " + tokenEndpoint + " sent an unusable response (HTTP " + status
                    + ", content type " + (contentType.isEmpty() ? "none" : contentType) + "): " + reason
                    + (excerpt.isEmpty() ? "" : ". Body starts with: " + excerpt);
        }
    }

    /** The token endpoint issued a token of a type other than {@code Bearer}. */
    record UnsupportedTokenType(URI tokenEndpoint, String tokenType) implements AuthError {

        @Override
        public String message() {
            return "Token endpoint " + tokenEndpoint + " issued a token of type '" + tokenType
                    + "', but only Bearer tokens (RFC 6750) are supported";
        }
    }

    /** A connection uses an auth method that no installed plugin provides. */
    record UnsupportedAuthMethod(String connectionId, String typeId) implements AuthError {

        @Override
        public String message() {
            return "Connection '" + connectionId + "' uses auth method '" + typeId + "', which no installed plugin provides";
        }
    }

    /** Tells whether an HTTP status means the server may succeed later: 429 or any 5xx. */
    private static boolean isRetryableStatus(int status) {
        return status == 429 || status >= 500;
    }
}
