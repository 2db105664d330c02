package dev.httpauth.app;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import dev.httpauth.domain.port.out.RequestTokenPort;
import io.vavr.control.Either;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Passes token requests on to the token endpoint and remembers, for each access token obtained,
 * a SHA-256 digest of the client secret that obtained it, so that a rotated secret can be detected
 * later without keeping the old value.
 *
 * <p>Tokens are held weakly, so a token that the cache dropped takes its digest with it. The
 * lookup relies on {@link Secret} equality being identity, and on the domain building the
 * {@link AccessToken} around the very {@code Secret} of the token response. Thread-safe.
 */
final class ClientSecretRecorder implements RequestTokenPort {

    private final RequestTokenPort tokenEndpoint;
    private final Map<Secret, byte[]> clientSecretDigests = Collections.synchronizedMap(new WeakHashMap<>());

    ClientSecretRecorder(RequestTokenPort tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    @Override
    public Either<AuthError, TokenGrant> requestToken(TokenRequest request) {
        Either<AuthError, TokenGrant> grant = tokenEndpoint.requestToken(request);
        grant.forEach(granted -> clientSecretDigests.put(granted.accessToken(), digest(request.clientSecret())));
        return grant;
    }

    /** Returns the digest of the client secret that obtained {@code token}, or empty if this recorder did not see it obtained. */
    Optional<byte[]> clientSecretDigest(AccessToken token) {
        return Optional.ofNullable(clientSecretDigests.get(token.value()));
    }

    /** Returns the SHA-256 digest of the UTF-8 bytes of {@code secret}. */
    static byte[] digest(Secret secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.reveal().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must support SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ClientSecretRecorder[" + tokenEndpoint + "]";
    }
}
