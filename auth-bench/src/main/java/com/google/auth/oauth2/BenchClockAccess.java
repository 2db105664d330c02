package com.google.auth.oauth2;

import java.time.Clock;
import java.time.Duration;

/**
 * Reaches two package-private members of {@link OAuth2Credentials} (google-auth-library-oauth2-http
 * 1.58.0) that the library marks {@code @VisibleForTesting}: the clock that decides whether the
 * cached token has expired, and the expiration margin. This class lives in the library's package
 * because the library offers no public way to set its clock, and the stampede benchmark moves the
 * clock of every library it compares to the instant the cached token expires.
 */
public final class BenchClockAccess {

    private BenchClockAccess() {
    }

    /** Makes {@code credentials} read the time from {@code clock}. */
    public static void useClock(OAuth2Credentials credentials, Clock clock) {
        credentials.clock = clock::millis;
    }

    /**
     * Returns the margin before the token's expiration time from which {@code credentials} treat
     * the token as expired and make callers wait for a new one.
     */
    public static Duration expirationMargin(OAuth2Credentials credentials) {
        return credentials.getExpirationMargin();
    }
}
