package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import dev.httpauth.domain.port.out.RequestTokenPort;
import io.vavr.control.Either;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Obtains a new access token for an OAuth client credentials method, bypassing any cache. */
final class TokenIssuance {

    private final MethodSecrets secrets;
    private final RequestTokenPort tokenEndpoint;
    private final PublishAuthEventPort events;
    private final Clock clock;

    TokenIssuance(MethodSecrets secrets, RequestTokenPort tokenEndpoint, PublishAuthEventPort events, Clock clock) {
        this.secrets = secrets;
        this.tokenEndpoint = tokenEndpoint;
        this.events = events;
        this.clock = clock;
    }

    /** Resolves the client secret, requests a token and reports the outcome as an event. */
    Either<AuthError, AccessToken> obtainToken(String connectionId, OAuthClientCredentials method) {
        Either<AuthError, AccessToken> outcome = secrets.resolve(connectionId, "clientSecret", method.clientSecret())
                .map(clientSecret -> TokenRequest.forMethod(method, clientSecret))
                .flatMap(tokenEndpoint::requestToken)
                .map(grant -> toAccessToken(method, grant, clock.instant()));

        outcome.fold(
                error -> {
                    events.publish(new AuthEvent.TokenRequestFailed(connectionId, method.tokenEndpoint(), method.clientId(), error));
                    return null;
                },
                token -> {
                    events.publish(new AuthEvent.TokenObtained(
                            connectionId, method.tokenEndpoint(), method.clientId(), token.value().fingerprint(), token.lifetime()));
                    return null;
                });
        return outcome;
    }

    /**
     * Turns a token response into a token that expires at {@code obtainedAt + expires_in}, or
     * after the policy's default lifetime when the server sent no {@code expires_in}.
     */
    private static AccessToken toAccessToken(OAuthClientCredentials method, TokenGrant grant, Instant obtainedAt) {
        Duration lifetime = grant.expiresIn().orElse(method.tokenPolicy().defaultLifetime());
        return new AccessToken(
                grant.accessToken(),
                grant.tokenType(),
                obtainedAt,
                obtainedAt.plus(lifetime),
                grant.expiresIn().isPresent(),
                grant.scopes().orElse(method.scopes()));
    }
}
