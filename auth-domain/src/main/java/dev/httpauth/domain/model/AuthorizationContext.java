package dev.httpauth.domain.model;

import dev.httpauth.domain.error.AuthError;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The input of a plugin auth method for computing the credentials of one request.
 *
 * <p>{@code toString} shows the connection id, the method and the URI, never the secrets or the
 * headers.
 *
 * @param connectionId the connection whose request this is
 * @param request the outgoing request
 * @param secrets the resolved values of the method's {@link HttpAuthMethod#secretRefs()}, keyed by
 *     the same field names; the secrets of other connections are never included
 * @param clock the clock of the framework; read the time from it rather than from the system, so
 *     that hosts and tests control it
 */
public record AuthorizationContext(String connectionId, OutgoingRequest request, Map<String, Secret> secrets, Clock clock) {

    public AuthorizationContext {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(clock, "clock");
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(secrets, "secrets")));
    }

    /**
     * Returns the resolved value of the secret ref in the configuration field {@code field}.
     *
     * @throws IllegalArgumentException if the method's {@code secretRefs()} has no such field
     */
    public Secret secret(String field) {
        Secret secret = secrets.get(field);
        if (secret == null) {
            throw new IllegalArgumentException("No secret ref is declared for the field '" + field
                    + "': secretRefs() declares " + secrets.keySet() + ". Add the field to secretRefs() or read another one");
        }
        return secret;
    }

    /**
     * Creates the error for a configuration field whose value cannot be used, such as a resolved
     * key of the wrong length. The problem's path is {@code connections.<id>.auth.<field>}.
     *
     * @param message what is wrong and how to fix it; never the secret value
     */
    public AuthError invalidConfiguration(String field, String message) {
        ConfigProblem problem = new ConfigProblem(field, message).under("connections." + connectionId + ".auth");
        return new AuthError.InvalidConfiguration("connection '" + connectionId + "'", List.of(problem));
    }

    @Override
    public String toString() {
        return "AuthorizationContext[connectionId=" + connectionId + ", request=" + request.method() + " " + request.uri() + "]";
    }
}
