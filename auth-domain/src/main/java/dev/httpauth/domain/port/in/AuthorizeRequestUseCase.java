package dev.httpauth.domain.port.in;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import io.vavr.control.Either;

/** Computes the credentials that authorize one outgoing request of a connection. */
public interface AuthorizeRequestUseCase {

    /**
     * Returns the headers and query parameters to add to {@code request}. For OAuth connections
     * this reuses a cached token while it is fresh and obtains a new one otherwise.
     *
     * <p>Thread-safe.
     *
     * @param connectionId the connection whose auth method applies
     * @param request the request to authorize
     * @return the credentials, or why none could be computed
     */
    Either<AuthError, RequestCredentials> authorize(String connectionId, OutgoingRequest request);

    /**
     * Tells the service that a resource server returned 401 to a request sent with
     * {@code credentials}. For OAuth connections it drops exactly the token those credentials
     * carry, so the next {@link #authorize} obtains a new one; a newer token obtained meanwhile
     * stays. Does nothing for credentials without an access token.
     *
     * @return whether a token was dropped, so that retrying the request may succeed
     */
    boolean reportRejected(String connectionId, RequestCredentials credentials);

    /**
     * Returns a handle that authorizes the requests of one connection without looking it up by
     * id for each request. The handle keeps the connection as it is configured now.
     *
     * @return the handle, or {@code UnknownConnection} or {@code InvalidConfiguration}
     */
    Either<AuthError, ConnectionAuthorizer> authorizer(String connectionId);
}
