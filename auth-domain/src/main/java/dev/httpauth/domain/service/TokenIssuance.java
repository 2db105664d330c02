package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import dev.httpauth.domain.port.out.RequestTokenPort;
import io.vavr.control.Either;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
        return obtainToken(connectionId, method, Optional.empty());
    }

    /**
     * Resolves the client secret, requests a token to replace {@code current} and reports the
     * outcome as an event. The client secret is resolved for every request, so a rotated secret
     * is used from the next token request on.
     */
    Either<AuthError, AccessToken> obtainToken(String connectionId, OAuthClientCredentials method, Optional<AccessToken> current) {
        return issueToken(connectionId, method, current).map(TokenCache.IssuedToken::token);
    }

    /**
     * Obtains a token as {@link #obtainToken} does and returns it with the SHA-256 digest of the
     * client secret that obtained it, so that {@link #clientSecretChanged} can tell later whether
     * the secret was rotated without keeping its value.
     */
    Either<AuthError, TokenCache.IssuedToken> issueToken(String connectionId, OAuthClientCredentials method, Optional<AccessToken> current) {
        Either<AuthError, TokenCache.IssuedToken> outcome = secrets.resolve(connectionId, "clientSecret", method.clientSecret())
                .flatMap(clientSecret -> tokenEndpoint.requestToken(TokenRequest.forMethod(method, clientSecret))
                        .map(grant -> new TokenCache.IssuedToken(toAccessToken(method, grant, clock.instant()), Optional.of(digest(clientSecret)))));

        events.publish(outcomeEvent(connectionId, method, current, outcome.map(TokenCache.IssuedToken::token)));
        return outcome;
    }

    /**
     * Tells whether the client secret of {@code method} differs from the one whose digest is
     * {@code usedDigest}, and reports a change as {@link AuthEvent.ClientSecretChanged}. A secret
     * that cannot be resolved now counts as unchanged: the token stays, and the failure is reported
     * as {@link AuthEvent.ClientSecretCheckFailed}.
     */
    boolean clientSecretChanged(String connectionId, OAuthClientCredentials method, AccessToken token, byte[] usedDigest) {
        Either<AuthError, Secret> current = secrets.resolve(connectionId, "clientSecret", method.clientSecret());
        if (current.isLeft()) {
            events.publish(new AuthEvent.ClientSecretCheckFailed(
                    connectionId, method.tokenEndpoint(), method.clientId(), method.clientSecret(), current.getLeft()));
            return false;
        }
        if (MessageDigest.isEqual(usedDigest, digest(current.get()))) {
            return false;
        }
        events.publish(new AuthEvent.ClientSecretChanged(connectionId, method.tokenEndpoint(), method.clientId(), method.clientSecret(), token.fingerprint()));
        return true;
    }

    /** Returns the SHA-256 digest of the UTF-8 bytes of {@code secret}. */
    private static byte[] digest(Secret secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must support SHA-256", e);
        }
    }

    private AuthEvent outcomeEvent(
            String connectionId,
            OAuthClientCredentials method,
            Optional<AccessToken> current,
            Either<AuthError, AccessToken> outcome) {
        URI endpoint = method.tokenEndpoint();
        String clientId = method.clientId();
        Optional<AccessToken> stillValid = current.filter(token -> !token.isExpiredAt(clock.instant()));
        if (outcome.isLeft()) {
            return stillValid
                    .<AuthEvent>map(token -> new AuthEvent.RefreshFailed(connectionId, endpoint, clientId, outcome.getLeft(), token.expiresAt()))
                    .orElseGet(() -> new AuthEvent.TokenRequestFailed(connectionId, endpoint, clientId, outcome.getLeft()));
        }
        AccessToken token = outcome.get();
        return current
                .<AuthEvent>map(previous -> new AuthEvent.TokenRefreshed(
                        connectionId, endpoint, clientId, token.fingerprint(), token.lifetime(), previous.fingerprint()))
                .orElseGet(() -> new AuthEvent.TokenObtained(connectionId, endpoint, clientId, token.fingerprint(), token.lifetime()));
    }

    /**
     * Turns a token response into a token that expires at {@code obtainedAt + expires_in}, or
     * after the policy's default lifetime when the server sent no {@code expires_in}. A lifetime
     * that reaches past {@code Instant.MAX} ends there.
     */
    private static AccessToken toAccessToken(OAuthClientCredentials method, TokenGrant grant, Instant obtainedAt) {
        Duration lifetime = grant.expiresIn().orElse(method.tokenPolicy().defaultLifetime());
        Instant expiresAt = lifetime.compareTo(Duration.between(obtainedAt, Instant.MAX)) < 0 ? obtainedAt.plus(lifetime) : Instant.MAX;
        return new AccessToken(
                grant.accessToken(),
                grant.tokenType(),
                obtainedAt,
                expiresAt,
                grant.expiresIn().isPresent(),
                grant.scopes().orElse(method.scopes()));
    }
}
