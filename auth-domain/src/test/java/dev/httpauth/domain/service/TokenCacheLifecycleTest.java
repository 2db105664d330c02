package dev.httpauth.domain.service;

import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.support.MutableClock;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.TokenPolicy;
import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;

import static dev.httpauth.domain.service.ScriptedRequester.INVALID_CLIENT;
import static dev.httpauth.domain.service.ScriptedRequester.TOKEN_ENDPOINT;
import static dev.httpauth.domain.service.ScriptedRequester.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of one key's token in {@link TokenCache}: served while fresh, refreshed in the
 * background once due, waited for once expired, and backed off after failures. Time moves only
 * when a test advances the clock, and background refreshes run only when a test runs them.
 */
class TokenCacheLifecycleTest {

    private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final TokenKey KEY = new TokenKey(
            TOKEN_ENDPOINT, "crm-client", new SecretRef("env", "CRM_CLIENT_SECRET"), ClientAuthentication.CLIENT_SECRET_BASIC, List.of("crm.read"), Optional.empty(), Optional.empty());

    /** Refreshes after half the lifetime, backs off 1 s, 2 s, 4 s, then 4 s, without jitter. */
    private static final TokenPolicy POLICY = TokenPolicy.DEFAULT
            .withRefreshSkew(Duration.ofMinutes(1))
            .withRefreshAfterShare(0.5)
            .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(4), 0.0)
            .withMaxRetryAfter(Duration.ofSeconds(30));

    private final MutableClock clock = MutableClock.at(START);
    private final RecordingExecutor refreshExecutor = new RecordingExecutor();
    private final TokenCache cache = new TokenCache(clock, refreshExecutor, fixedRandom(0.0));

    /** A generator whose {@code nextDouble} is always {@code value}, so the jitter share is known. */
    static RandomGenerator fixedRandom(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static String value(Either<AuthError, AccessToken> result) {
        return result.get().value().reveal();
    }

    /**
     * Waits until {@code thread} is parked or has finished. Guards against a hang only: no
     * assertion depends on how long this takes.
     */
    static void awaitWaitingOrTerminated(Thread thread) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(thread.getName() + " neither waited nor finished within 30 s");
            }
            Thread.onSpinWait();
        }
    }

    @Nested
    class Refresh {

        private final ScriptedRequester requester = ScriptedRequester.numberedTokens(clock, LIFETIME);

        @Test
        void freshTokenIsServedWithoutRequest() {
            cache.token(KEY, POLICY, requester);
            clock.advance(Duration.ofMinutes(30).minusNanos(1));

            Either<AuthError, AccessToken> result = cache.token(KEY, POLICY, requester);

            assertThat(value(result)).isEqualTo("token-1");
            assertThat(requester.callCount()).isEqualTo(1);
            assertThat(refreshExecutor.submittedCount()).isZero();
        }

        @Test
        void dueTokenIsRefreshedInBackground() {
            AccessToken first = cache.token(KEY, POLICY, requester).get();
            clock.advance(Duration.ofMinutes(30));

            Either<AuthError, AccessToken> duringRefresh = cache.token(KEY, POLICY, requester);
            int callsBeforeRefreshRuns = requester.callCount();
            refreshExecutor.runQueued();
            Either<AuthError, AccessToken> afterRefresh = cache.token(KEY, POLICY, requester);

            assertThat(duringRefresh.get()).isSameAs(first);
            assertThat(callsBeforeRefreshRuns).isEqualTo(1);
            assertThat(value(afterRefresh)).isEqualTo("token-2");
            assertThat(requester.replacedTokens()).containsExactly(Optional.empty(), Optional.of(first));
        }

        @Test
        void skewRuleStartsRefreshBeforeExpiry() {
            TokenPolicy bySkew = POLICY.withRefreshAfterShare(1.0).withRefreshSkew(Duration.ofMinutes(5));
            cache.token(KEY, bySkew, requester);

            clock.advance(Duration.ofMinutes(55).minusNanos(1));
            cache.token(KEY, bySkew, requester);
            int tasksBeforeRefreshInstant = refreshExecutor.submittedCount();
            clock.advance(Duration.ofNanos(1));
            Either<AuthError, AccessToken> atRefreshInstant = cache.token(KEY, bySkew, requester);

            assertThat(tasksBeforeRefreshInstant).isZero();
            assertThat(value(atRefreshInstant)).isEqualTo("token-1");
            assertThat(refreshExecutor.submittedCount()).isEqualTo(1);
        }

        @Test
        void dueTokenStartsOneRefreshForManyCallers() {
            cache.token(KEY, POLICY, requester);
            clock.advance(Duration.ofMinutes(40));

            for (int i = 0; i < 10; i++) {
                cache.token(KEY, POLICY, requester);
            }

            assertThat(refreshExecutor.submittedCount()).isEqualTo(1);
        }

        @Test
        void expiredTokenIsReplacedOnCallerThread() {
            cache.token(KEY, POLICY, requester);
            clock.advance(LIFETIME);

            Either<AuthError, AccessToken> result = cache.token(KEY, POLICY, requester);

            assertThat(value(result)).isEqualTo("token-2");
            assertThat(refreshExecutor.submittedCount()).isZero();
        }

        @Test
        void expiredTokenWaitsForQueuedRefresh() throws Exception {
            cache.token(KEY, POLICY, requester);
            clock.advance(Duration.ofMinutes(30));
            cache.token(KEY, POLICY, requester);
            clock.advance(Duration.ofMinutes(30));

            CompletableFuture<Either<AuthError, AccessToken>> result = new CompletableFuture<>();
            Thread caller = Thread.ofPlatform().name("expired-token-caller").start(() -> result.complete(cache.token(KEY, POLICY, requester)));
            awaitWaitingOrTerminated(caller);
            int callsWhileCallerWaits = requester.callCount();
            refreshExecutor.runQueued();

            assertThat(callsWhileCallerWaits).isEqualTo(1);
            assertThat(value(result.get(30, TimeUnit.SECONDS))).isEqualTo("token-2");
            assertThat(requester.callCount()).isEqualTo(2);
        }

        @Test
        void rejectedRefreshKeepsTokenAndLaterCallerRetries() {
            AtomicBoolean reject = new AtomicBoolean(true);
            RecordingExecutor accepted = new RecordingExecutor();
            Executor saturated = task -> {
                if (reject.getAndSet(false)) {
                    throw new RejectedExecutionException("queue full");
                }
                accepted.execute(task);
            };
            TokenCache saturatedCache = new TokenCache(clock, saturated, fixedRandom(0.0));
            saturatedCache.token(KEY, POLICY, requester);
            clock.advance(Duration.ofMinutes(30));

            Either<AuthError, AccessToken> whenRejected = saturatedCache.token(KEY, POLICY, requester);
            Either<AuthError, AccessToken> nextCaller = saturatedCache.token(KEY, POLICY, requester);
            accepted.runQueued();

            assertThat(value(whenRejected)).isEqualTo("token-1");
            assertThat(value(nextCaller)).isEqualTo("token-1");
            assertThat(value(saturatedCache.token(KEY, POLICY, requester))).isEqualTo("token-2");
        }

    }

    @Nested
    class RefreshFailure {

        @Test
        void failedRefreshKeepsServingValidToken() {
            ScriptedRequester requester = ScriptedRequester.failingOn(clock, LIFETIME, UNAVAILABLE, call -> call == 2);
            AccessToken first = cache.token(KEY, POLICY, requester).get();
            clock.advance(Duration.ofMinutes(30));
            cache.token(KEY, POLICY, requester);
            refreshExecutor.runQueued();

            Either<AuthError, AccessToken> afterFailure = cache.token(KEY, POLICY, requester);

            assertThat(requester.callCount()).isEqualTo(2);
            assertThat(afterFailure.get()).isSameAs(first);
        }

        @Test
        void failedRefreshIsRetriedAfterBackoff() {
            ScriptedRequester requester = ScriptedRequester.failingOn(clock, LIFETIME, UNAVAILABLE, call -> call == 2);
            cache.token(KEY, POLICY, requester);
            clock.advance(Duration.ofMinutes(30));
            cache.token(KEY, POLICY, requester);
            refreshExecutor.runQueued();

            clock.advance(Duration.ofSeconds(1).minusNanos(1));
            cache.token(KEY, POLICY, requester);
            int tasksWithinBackoff = refreshExecutor.submittedCount();
            clock.advance(Duration.ofNanos(1));
            cache.token(KEY, POLICY, requester);
            refreshExecutor.runQueued();

            assertThat(tasksWithinBackoff).isEqualTo(1);
            assertThat(refreshExecutor.submittedCount()).isEqualTo(2);
            assertThat(value(cache.token(KEY, POLICY, requester))).isEqualTo("token-3");
        }

        @Test
        void invalidClientIsNotRetriedWhileTokenValid() {
            ScriptedRequester requester = ScriptedRequester.failingOn(clock, LIFETIME, INVALID_CLIENT, call -> call == 2);
            AccessToken first = cache.token(KEY, POLICY, requester).get();
            clock.advance(Duration.ofMinutes(30));
            cache.token(KEY, POLICY, requester);
            refreshExecutor.runQueued();

            for (int minute = 31; minute < 60; minute++) {
                clock.set(START.plus(Duration.ofMinutes(minute)));
                assertThat(cache.token(KEY, POLICY, requester).get()).as("token at minute %d", minute).isSameAs(first);
            }
            clock.set(START.plus(LIFETIME).minusNanos(1));
            Either<AuthError, AccessToken> lastValidInstant = cache.token(KEY, POLICY, requester);
            int callsWhileValid = requester.callCount();
            clock.set(START.plus(LIFETIME));
            Either<AuthError, AccessToken> atExpiry = cache.token(KEY, POLICY, requester);

            assertThat(lastValidInstant.get()).isSameAs(first);
            assertThat(callsWhileValid).isEqualTo(2);
            assertThat(refreshExecutor.submittedCount()).isEqualTo(1);
            assertThat(value(atExpiry)).isEqualTo("token-3");
        }
    }

    @Nested
    class BackoffWithoutValidToken {

        @Test
        void errorIsReturnedAtOnceDuringBackoff() {
            ScriptedRequester requester = ScriptedRequester.failingOn(clock, LIFETIME, UNAVAILABLE, call -> call == 1);
            Either<AuthError, AccessToken> failed = cache.token(KEY, POLICY, requester);

            clock.advance(Duration.ofSeconds(1).minusNanos(1));
            Either<AuthError, AccessToken> withinBackoff = cache.token(KEY, POLICY, requester);
            int callsWithinBackoff = requester.callCount();
            clock.advance(Duration.ofNanos(1));
            Either<AuthError, AccessToken> afterBackoff = cache.token(KEY, POLICY, requester);

            assertThat(failed.getLeft()).isSameAs(UNAVAILABLE);
            assertThat(withinBackoff.getLeft()).isSameAs(UNAVAILABLE);
            assertThat(callsWithinBackoff).isEqualTo(1);
            assertThat(value(afterBackoff)).isEqualTo("token-2");
        }

        @Test
        void delaysDoubleUpToMax() {
            ScriptedRequester requester = ScriptedRequester.scripted(call -> Either.left(UNAVAILABLE));
            cache.token(KEY, POLICY, requester);

            List<Duration> observed = List.of(1, 2, 3, 4, 5).stream().map(attempt -> delayBeforeNextRequest(requester)).toList();

            assertThat(observed).containsExactly(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(4),
                    Duration.ofSeconds(4),
                    Duration.ofSeconds(4));
        }

        @Test
        void jitterShortensDelayWithinItsShare() {
            TokenCache jittered = new TokenCache(clock, refreshExecutor, fixedRandom(1.0));
            TokenPolicy halfJitter = POLICY.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(8), 0.5);
            ScriptedRequester requester = ScriptedRequester.scripted(call -> Either.left(UNAVAILABLE));
            jittered.token(KEY, halfJitter, requester);

            clock.advance(Duration.ofSeconds(1).minusNanos(1));
            jittered.token(KEY, halfJitter, requester);
            int callsBeforeShortenedDelay = requester.callCount();
            clock.advance(Duration.ofNanos(1));
            jittered.token(KEY, halfJitter, requester);

            assertThat(callsBeforeShortenedDelay).isEqualTo(1);
            assertThat(requester.callCount()).isEqualTo(2);
        }

        @Test
        void retryAfterSecondsIsHonoured() {
            AuthError slowDown = new AuthError.TokenRequestRejected(
                    TOKEN_ENDPOINT, 429, "slow_down", Optional.empty(), Optional.empty(), Duration.ofSeconds(20));
            ScriptedRequester requester = ScriptedRequester.failingOn(clock, LIFETIME, slowDown, call -> call == 1);
            cache.token(KEY, POLICY, requester);

            Duration delay = delayBeforeNextRequest(requester);

            assertThat(delay).isEqualTo(Duration.ofSeconds(20));
        }

        @Test
        void retryAfterIsCappedAtMaxRetryAfter() {
            AuthError overloaded = new AuthError.MalformedTokenResponse(
                    TOKEN_ENDPOINT, 503, "text/html", "the body is not a JSON object", "Service Unavailable", Duration.ofHours(1));
            ScriptedRequester requester = ScriptedRequester.failingOn(clock, LIFETIME, overloaded, call -> call == 1);
            cache.token(KEY, POLICY, requester);

            Duration delay = delayBeforeNextRequest(requester);

            assertThat(delay).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void successResetsBackoff() {
            ScriptedRequester requester = ScriptedRequester.failingOn(clock, LIFETIME, UNAVAILABLE, call -> call != 3);
            cache.token(KEY, POLICY, requester);
            delayBeforeNextRequest(requester);
            delayBeforeNextRequest(requester);
            clock.advance(LIFETIME);
            cache.token(KEY, POLICY, requester);

            Duration delayAfterSuccess = delayBeforeNextRequest(requester);

            assertThat(requester.callCount()).isEqualTo(5);
            assertThat(delayAfterSuccess).isEqualTo(Duration.ofSeconds(1));
        }

        /**
         * Advances the clock in steps of 100 ms, calling the cache at each, until it sends a
         * request, and returns how far the clock moved. Every call before then must return the
         * last error without a request.
         */
        private Duration delayBeforeNextRequest(ScriptedRequester requester) {
            int callsBefore = requester.callCount();
            Duration waited = Duration.ZERO;
            while (requester.callCount() == callsBefore) {
                Duration step = Duration.ofMillis(100);
                clock.advance(step);
                waited = waited.plus(step);
                Either<AuthError, AccessToken> result = cache.token(KEY, POLICY, requester);
                if (requester.callCount() == callsBefore) {
                    assertThat(result.isLeft()).as("result %s after %s", result, waited).isTrue();
                }
                assertThat(waited).as("delay before the next request").isLessThanOrEqualTo(Duration.ofMinutes(10));
            }
            return waited;
        }
    }

    @Nested
    class Drop {

        private final ScriptedRequester requester = ScriptedRequester.numberedTokens(clock, LIFETIME);

        @Test
        void dropRemovesExactlyThatToken() {
            AccessToken rejected = cache.token(KEY, POLICY, requester).get();

            boolean dropped = cache.slot(KEY).drop(rejected);
            Either<AuthError, AccessToken> next = cache.token(KEY, POLICY, requester);

            assertThat(dropped).isTrue();
            assertThat(value(next)).isEqualTo("token-2");
        }

        @Test
        void dropOfReplacedTokenKeepsNewerToken() {
            AccessToken stale = cache.token(KEY, POLICY, requester).get();
            cache.slot(KEY).drop(stale);
            AccessToken newer = cache.token(KEY, POLICY, requester).get();

            boolean dropped = cache.slot(KEY).drop(stale);
            Either<AuthError, AccessToken> current = cache.token(KEY, POLICY, requester);

            assertThat(dropped).isFalse();
            assertThat(current.get()).isSameAs(newer);
            assertThat(requester.callCount()).isEqualTo(2);
        }
    }
}
