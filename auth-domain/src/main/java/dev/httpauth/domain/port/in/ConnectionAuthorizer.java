package dev.httpauth.domain.port.in;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import io.vavr.control.Either;

/**
 * Authorizes the requests of one connection, as {@link AuthorizeRequestUseCase#authorizer} loaded
 * it.
 *
 * <p>A client that sends many requests of one connection keeps this handle: each call then skips
 * the connection lookup by id, and a request whose token is cached costs one clock read. The
 * handle keeps the connection's configuration as it was when the handle was created; after the
 * configured connections change, ask for a new handle.
 *
 * <p>Thread-safe.
 */
public interface ConnectionAuthorizer {

    /** The id of the connection this handle authorizes. */
    String connectionId();

    /**
     * Returns the headers and query parameters to add to {@code request}, as
     * {@link AuthorizeRequestUseCase#authorize} does.
     */
    Either<AuthError, RequestCredentials> authorize(OutgoingRequest request);

    /**
     * Reports that a resource server returned 401 to a request sent with {@code credentials}, as
     * {@link AuthorizeRequestUseCase#reportRejected} does.
     *
     * @return whether a token was dropped, so that retrying the request may succeed
     */
    boolean reportRejected(RequestCredentials credentials);
}
