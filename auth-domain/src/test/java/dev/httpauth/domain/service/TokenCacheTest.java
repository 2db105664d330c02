package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.TokenPolicy;
import dev.httpauth.domain.support.MutableClock;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import static dev.httpauth.domain.support.Fixtures.START;
import static dev.httpauth.domain.support.Fixtures.TOKEN_ENDPOINT;
import static dev.httpauth.domain.support.Fixtures.accessToken;
import static dev.httpauth.domain.support.Fixtures.oauthMethod;
import static dev.httpauth.domain.support.Fixtures.oauthMethodAt;
import static dev.httpauth.domain.support.Fixtures.oauthMethodWithScopes;
import static org.assertj.core.api.Assertions.assertThat;

class TokenCacheTest {

    private static final Duration LIFETIME = Duration.ofHours(1);
    /** Refreshes by the 60 s skew alone. */
    private static final TokenPolicy POLICY = new TokenPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5));
    private static final TokenKey KEY = TokenKey.of(oauthMethod());

    private final MutableClock clock = MutableClock.at(START);
    /** Runs background refreshes on the caller's thread, so each test sees their effect at once. */
    private final TokenCache cache = new TokenCache(clock, Runnable::run, RandomGenerator.of("L64X128MixRandom"));
    private final AtomicInteger requests = new AtomicInteger();

    /** Issues {@code token-1}, {@code token-2}, … obtained at the clock's current instant. */
    private final TokenCache.TokenRequester numberedTokens =
            current -> Either.right(accessToken("token-" + requests.incrementAndGet(), clock.instant(), LIFETIME));

    private static String value(Either<AuthError, AccessToken> result) {
        return result.get().value().reveal();
    }

    @Test
    void tokenIsReusedBeforeRefreshInstant() {
        Either<AuthError, AccessToken> first = cache.token(KEY, POLICY, numberedTokens);
        clock.advance(LIFETIME.minus(POLICY.refreshSkew()).minusSeconds(1));

        Either<AuthError, AccessToken> second = cache.token(KEY, POLICY, numberedTokens);

        assertThat(second.get()).isSameAs(first.get());
        assertThat(requests).hasValue(1);
    }

    @Test
    void tokenIsReplacedAtRefreshInstant() {
        cache.token(KEY, POLICY, numberedTokens);
        clock.advance(LIFETIME.minus(POLICY.refreshSkew()));

        Either<AuthError, AccessToken> second = cache.token(KEY, POLICY, numberedTokens);
        Either<AuthError, AccessToken> third = cache.token(KEY, POLICY, numberedTokens);

        assertThat(value(second)).isEqualTo("token-1");
        assertThat(value(third)).isEqualTo("token-2");
        assertThat(requests).hasValue(2);
    }

    @Test
    void failedRequestIsRetriedAfterBackoff() {
        AuthError unreachable = new AuthError.TokenEndpointUnreachable(TOKEN_ENDPOINT, "connection refused");
        Either<AuthError, AccessToken> failed = cache.token(KEY, POLICY, current -> Either.left(unreachable));

        Either<AuthError, AccessToken> duringBackoff = cache.token(KEY, POLICY, numberedTokens);
        clock.advance(POLICY.initialBackoff());
        Either<AuthError, AccessToken> retried = cache.token(KEY, POLICY, numberedTokens);

        assertThat(failed.getLeft()).isSameAs(unreachable);
        assertThat(duringBackoff.getLeft()).isSameAs(unreachable);
        assertThat(value(retried)).isEqualTo("token-1");
    }

    @Test
    void failedRefreshDoesNotKeepStaleToken() {
        cache.token(KEY, POLICY, numberedTokens);
        clock.advance(LIFETIME);
        AuthError unreachable = new AuthError.TokenEndpointUnreachable(TOKEN_ENDPOINT, "connection refused");

        Either<AuthError, AccessToken> refresh = cache.token(KEY, POLICY, current -> Either.left(unreachable));

        assertThat(refresh.isLeft()).isTrue();
    }

    @Test
    void dropRemovesRejectedToken() {
        AccessToken rejected = cache.token(KEY, POLICY, numberedTokens).get();

        cache.slot(KEY).drop(rejected);
        Either<AuthError, AccessToken> next = cache.token(KEY, POLICY, numberedTokens);

        assertThat(value(next)).isEqualTo("token-2");
    }

    @Test
    void dropKeepsNewerToken() {
        AccessToken stale = cache.token(KEY, POLICY, numberedTokens).get();
        cache.slot(KEY).drop(stale);
        AccessToken newer = cache.token(KEY, POLICY, numberedTokens).get();

        cache.slot(KEY).drop(stale);
        Either<AuthError, AccessToken> current = cache.token(KEY, POLICY, numberedTokens);

        assertThat(current.get()).isSameAs(newer);
        assertThat(requests).hasValue(2);
    }

    @Test
    void dropOnOtherKeyChangesNothing() {
        TokenKey otherKey = TokenKey.of(oauthMethodAt(URI.create("https://other.example.com/token")));
        AccessToken cached = cache.token(KEY, POLICY, numberedTokens).get();

        boolean dropped = cache.slot(otherKey).drop(cached);
        Either<AuthError, AccessToken> current = cache.token(KEY, POLICY, numberedTokens);

        assertThat(dropped).isFalse();
        assertThat(current.get()).isSameAs(cached);
    }

    @Test
    void keysHoldSeparateTokens() {
        TokenKey otherKey = TokenKey.of(oauthMethodWithScopes(List.of("crm.write")));

        Either<AuthError, AccessToken> first = cache.token(KEY, POLICY, numberedTokens);
        Either<AuthError, AccessToken> second = cache.token(otherKey, POLICY, numberedTokens);

        assertThat(value(first)).isEqualTo("token-1");
        assertThat(value(second)).isEqualTo("token-2");
        assertThat(cache.size()).isEqualTo(2);
    }
}
