package dev.httpauth.domain.model;

import dev.httpauth.domain.error.AuthError;
import io.vavr.control.Either;

import java.util.List;
import java.util.Map;

/**
 * An auth method contributed by a plugin.
 *
 * <p>An implementation contains the method's configuration. The framework resolves the refs from
 * {@link #secretRefs()}, and only those, then calls {@link #authorize(AuthorizationContext)} for
 * each request of a connection that uses the method. A plugin registers the implementing record
 * with an {@code AuthMethodProvider} (package {@code dev.httpauth.domain.spi}), which also
 * validates it.
 *
 * <p>Implement one of the two {@code authorize} methods: the one that takes an
 * {@link AuthorizationContext} when the credentials depend on the time or can fail, the short one
 * otherwise. Both are called from many threads at once.
 */
public non-sealed interface CustomAuthMethod extends HttpAuthMethod {

    /**
     * Returns the problems in this configuration, empty when it is valid. Each problem's path is
     * relative to the method, such as {@code "header"}.
     *
     * <p>Serves methods that a host builds in code. A plugin validates its configuration in
     * {@code AuthMethodProvider.validate}, which the framework calls when it reads a connections
     * file, and keeps this default.
     */
    default List<ConfigProblem> validate() {
        return List.of();
    }

    /**
     * Computes what to add to the request of {@code context}. The default calls
     * {@link #authorize(OutgoingRequest, Map)}.
     *
     * @return the headers and query parameters to add, or why none can be computed, such as
     *     {@link AuthorizationContext#invalidConfiguration} for a resolved key that has the wrong
     *     length
     */
    default Either<AuthError, RequestCredentials> authorize(AuthorizationContext context) {
        return Either.right(authorize(context.request(), context.secrets()));
    }

    /**
     * Computes what to add to {@code request}, for methods that read neither the time nor the
     * connection id and cannot fail.
     *
     * @param request the outgoing request
     * @param secrets the resolved values of {@link #secretRefs()}, keyed by the same field names
     * @return the headers and query parameters to add
     * @throws UnsupportedOperationException unless the implementation overrides this method; the
     *     framework calls it only through the default {@link #authorize(AuthorizationContext)}
     */
    default RequestCredentials authorize(OutgoingRequest request, Map<String, Secret> secrets) {
        throw new UnsupportedOperationException(getClass().getName()
                + " overrides neither authorize(AuthorizationContext) nor authorize(OutgoingRequest, Map): implement one of them");
    }
}
