package dev.httpauth.domain.port.out;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import io.vavr.control.Either;

/** Sends a client credentials token request to an authorization server. */
public interface RequestTokenPort {

    /**
     * Requests a token. Blocks until the server answers or a timeout passes.
     *
     * @return the granted token, or {@code TokenRequestRejected}, {@code TokenEndpointUnreachable},
     *     {@code MalformedTokenResponse} or {@code UnsupportedTokenType}
     */
    Either<AuthError, TokenGrant> requestToken(TokenRequest request);
}
