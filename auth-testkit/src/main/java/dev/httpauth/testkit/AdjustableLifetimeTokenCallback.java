package dev.httpauth.testkit;

import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * mock-oauth2-server's default token claims, with a token lifetime that can change while the server
 * runs. For client credentials tokens the subject is the client id and the audience is the
 * requested scopes, or {@code default} when none are requested.
 */
final class AdjustableLifetimeTokenCallback extends DefaultOAuth2TokenCallback {

    private volatile long lifetimeSeconds;

    AdjustableLifetimeTokenCallback(String issuerId, Duration lifetime) {
        // A null audience lets the server derive it from the request, as its no-argument default does.
        super(issuerId, UUID.randomUUID().toString(), JOSEObjectType.JWT.getType(), null, Map.of(), lifetime.toSeconds());
        this.lifetimeSeconds = lifetime.toSeconds();
    }

    /** Sets the lifetime, in whole seconds, of tokens issued from now on. */
    void lifetime(Duration lifetime) {
        this.lifetimeSeconds = lifetime.toSeconds();
    }

    /** Returns the lifetime in seconds that the server writes into {@code exp} and {@code expires_in}. */
    @Override
    public long tokenExpiry() {
        return lifetimeSeconds;
    }
}
