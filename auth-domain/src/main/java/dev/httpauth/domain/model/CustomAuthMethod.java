package dev.httpauth.domain.model;

import java.util.List;
import java.util.Map;

/**
 * An auth method contributed by a plugin.
 *
 * <p>An implementation holds the method's configuration. The framework resolves the refs from
 * {@link #secretRefs()}, and only those, then calls {@link #authorize} for each request of a
 * connection that uses the method.
 */
public non-sealed interface CustomAuthMethod extends HttpAuthMethod {

    /**
     * Returns the problems in this configuration, empty when it is valid. Each problem's path is
     * relative to the method, such as {@code "header"}.
     */
    default List<ConfigProblem> validate() {
        return List.of();
    }

    /**
     * Computes what to add to {@code request}.
     *
     * @param request the outgoing request
     * @param secrets the resolved values of {@link #secretRefs()}, keyed by the same field names
     * @return the headers and query parameters to add
     */
    RequestCredentials authorize(OutgoingRequest request, Map<String, Secret> secrets);
}
