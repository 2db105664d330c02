package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.TokenPolicy;
import io.vavr.control.Either;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * Access tokens by {@link TokenKey}, refreshed before they expire under a {@link TokenPolicy}.
 *
 * <ul>
 *   <li>While a token is fresh, callers get it without locking.
 *   <li>Once it is due for refresh but still valid, callers still get it, and the first caller
 *       hands one refresh to the refresh executor. No caller waits for the token endpoint while
 *       a valid token exists.
 *   <li>When no valid token exists, one caller requests a token on its own thread and the
 *       others wait for that request: concurrent callers for one key cause at most one token
 *       request at a time.
 *   <li>After a failed request the key backs off as the policy sets. Callers that find no valid
 *       token during the back-off get the last error at once.
 * </ul>
 *
 * <p>The cache starts no thread and no timer of its own: refreshes run on the given executor,
 * and an idle key costs one map entry and one slot object.
 */
public final class TokenCache {

    /** Requests a new token. {@code current} is the token being replaced, empty on first use. */
    @FunctionalInterface
    public interface TokenRequester {
        Either<AuthError, AccessToken> requestToken(Optional<AccessToken> current);
    }

    private final ConcurrentHashMap<TokenKey, Slot> slots = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Executor refreshExecutor;
    private final RandomGenerator random;

    /**
     * @param clock the source of the current time
     * @param refreshExecutor runs background refreshes; shared by all keys. It should start each
     *     task soon, because a caller whose token expires while its refresh is still queued waits
     *     for that refresh
     * @param random the source of back-off jitter
     */
    public TokenCache(Clock clock, Executor refreshExecutor, RandomGenerator random) {
        this.clock = clock;
        this.refreshExecutor = refreshExecutor;
        this.random = random;
    }

    /** Returns the slot of {@code key}, creating it on first use. Callers may keep it to skip the lookup. */
    public Slot slot(TokenKey key) {
        return slots.computeIfAbsent(key, unused -> new Slot());
    }

    /** Returns a valid token for {@code key}; see {@link Slot#token}. */
    public Either<AuthError, AccessToken> token(TokenKey key, TokenPolicy policy, TokenRequester requester) {
        return slot(key).token(policy, requester);
    }

    /** The number of keys that have ever been asked for a token. */
    public int size() {
        return slots.size();
    }

    /**
     * A cached token with its precomputed refresh instant.
     *
     * @param freshBeforeMillis {@code refreshAt} in epoch milliseconds, rounded down, so that the
     *     fresh path compares two longs instead of allocating an {@code Instant}
     */
    private record Entry(AccessToken token, Instant refreshAt, long freshBeforeMillis, Either<AuthError, AccessToken> asResult) {

        static Entry of(AccessToken token, TokenPolicy policy) {
            Instant refreshAt = policy.refreshAt(token);
            return new Entry(token, refreshAt, epochMillisRoundedDown(refreshAt), Either.right(token));
        }

        private static long epochMillisRoundedDown(Instant instant) {
            try {
                return instant.toEpochMilli();
            } catch (ArithmeticException beyondLongMillis) {
                // Only instants near Instant.MAX, such as the expiry of an endless token, get here.
                return Long.MAX_VALUE;
            }
        }
    }

    /** The last failed request of a key and when the next one may start. */
    private record Failure(AuthError error, int consecutiveFailures, Instant nextAttemptAt) {
    }

    /** One key's token, its pending request and its back-off state. */
    public final class Slot {

        private final AtomicReference<Entry> entry = new AtomicReference<>();
        private final AtomicReference<CompletableFuture<Either<AuthError, AccessToken>>> pending = new AtomicReference<>();
        private volatile Failure failure;

        private Slot() {
        }

        /**
         * Returns a valid token, or the error of the request that failed to obtain one.
         *
         * <p>Blocks only when no valid token exists and no back-off is in force; then it waits
         * for the one request that is running or starts it on this thread.
         */
        public Either<AuthError, AccessToken> token(TokenPolicy policy, TokenRequester requester) {
            Entry current = entry.get();
            if (current != null && clock.millis() < current.freshBeforeMillis()) {
                return current.asResult();
            }

            Instant now = clock.instant();
            if (current != null && now.isBefore(current.refreshAt())) {
                return current.asResult();
            }

            if (current != null && now.isBefore(current.token().expiresAt())) {
                if (mayAttempt(now)) {
                    startRefreshInBackground(current, policy, requester);
                }
                return current.asResult();
            }

            Failure lastFailure = failure;
            if (lastFailure != null && now.isBefore(lastFailure.nextAttemptAt())) {
                return Either.left(lastFailure.error());
            }
            return awaitRequest(policy, requester);
        }

        /**
         * Drops {@code rejected} if it is still this key's token, so the next caller obtains a new
         * one. A newer token that another caller obtained meanwhile stays.
         *
         * @return whether the token was dropped
         */
        public boolean drop(AccessToken rejected) {
            Entry current = entry.get();
            return current != null && current.token() == rejected && entry.compareAndSet(current, null);
        }

        private boolean mayAttempt(Instant now) {
            Failure lastFailure = failure;
            return lastFailure == null || !now.isBefore(lastFailure.nextAttemptAt());
        }

        private void startRefreshInBackground(Entry current, TokenPolicy policy, TokenRequester requester) {
            CompletableFuture<Either<AuthError, AccessToken>> request = new CompletableFuture<>();
            if (!pending.compareAndSet(null, request)) {
                return;
            }
            try {
                refreshExecutor.execute(() -> run(request, policy, requester));
            } catch (RejectedExecutionException e) {
                // The executor is shutting down or saturated. The current token is still valid,
                // so callers keep it and a later caller tries the refresh again.
                pending.set(null);
                request.complete(current.asResult());
            }
        }

        private Either<AuthError, AccessToken> awaitRequest(TokenPolicy policy, TokenRequester requester) {
            CompletableFuture<Either<AuthError, AccessToken>> request = new CompletableFuture<>();
            CompletableFuture<Either<AuthError, AccessToken>> running = pending.compareAndExchange(null, request);
            if (running != null) {
                return running.join();
            }
            run(request, policy, requester);
            return request.join();
        }

        /** Runs one token request as the only one in flight for this key, then releases the key. */
        private void run(CompletableFuture<Either<AuthError, AccessToken>> request, TokenPolicy policy, TokenRequester requester) {
            // Another request may have finished between this caller's look at the slot and its
            // claim on the key. A fresh token from it, or a back-off that its failure started,
            // makes this request unnecessary.
            Entry current = entry.get();
            Optional<Either<AuthError, AccessToken>> settled = outcomeWithoutRequest(current, clock.instant());
            if (settled.isPresent()) {
                pending.set(null);
                request.complete(settled.get());
                return;
            }

            Either<AuthError, AccessToken> outcome;
            try {
                outcome = requester.requestToken(Optional.ofNullable(current).map(Entry::token));
            } catch (RuntimeException | Error e) {
                pending.set(null);
                request.completeExceptionally(e);
                throw e;
            }

            if (outcome.isRight()) {
                entry.set(Entry.of(outcome.get(), policy));
                failure = null;
            } else {
                failure = nextFailure(outcome.getLeft(), policy, current, clock.instant());
            }
            pending.set(null);
            request.complete(outcome);
        }

        /**
         * Returns the outcome for a caller that has claimed the key when no request is needed: the
         * token while it is fresh, and during a back-off the token while it is valid or else the
         * last error.
         */
        private Optional<Either<AuthError, AccessToken>> outcomeWithoutRequest(Entry current, Instant now) {
            if (current != null && now.isBefore(current.refreshAt())) {
                return Optional.of(current.asResult());
            }
            Failure lastFailure = failure;
            if (lastFailure == null || !now.isBefore(lastFailure.nextAttemptAt())) {
                return Optional.empty();
            }
            if (current != null && now.isBefore(current.token().expiresAt())) {
                return Optional.of(current.asResult());
            }
            return Optional.of(Either.left(lastFailure.error()));
        }

        private Failure nextFailure(AuthError error, TokenPolicy policy, Entry current, Instant now) {
            Failure previous = failure;
            int consecutive = previous == null ? 1 : previous.consecutiveFailures() + 1;
            Duration delay = policy.backoff(consecutive, error.retryAfter(), random);
            Instant next = now.plus(delay);
            // A rejection such as invalid_client will not heal by itself: stop refreshing a token
            // that is still valid, and try again only once it has expired.
            if (!error.isRetryable() && current != null && next.isBefore(current.token().expiresAt())) {
                next = current.token().expiresAt();
            }
            return new Failure(error, consecutive, next);
        }
    }
}
