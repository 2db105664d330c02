package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.TokenPolicy;
import io.vavr.control.Either;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;

/**
 * Access tokens by {@link TokenKey}, refreshed before they expire under a {@link TokenPolicy}.
 *
 * <ul>
 *   <li>While a token is fresh, callers get it without locking: one clock read and one
 *       comparison.
 *   <li>Once it is due for refresh but still valid, callers still get it, and the first caller
 *       hands one refresh to the refresh executor. No caller waits for the token endpoint while
 *       a valid token exists.
 *   <li>When no valid token exists, one caller requests a token on its own thread and the
 *       others wait for that request: concurrent callers for one key cause at most one token
 *       request at a time.
 *   <li>After a failed request the key backs off as the policy sets. Callers that find no valid
 *       token during the back-off get the last error at once.
 *   <li>At most once per credentials check interval, one caller asks the requester whether the
 *       credentials that obtained the token have changed since, such as a rotated client secret.
 *       If they have, the token is due for refresh at once: the caller starts a background refresh
 *       with the new credentials, ignoring any back-off that the old ones caused, and callers keep
 *       the token until the refresh replaces it.
 * </ul>
 *
 * <p>The cache starts no thread and no timer of its own: refreshes run on the given executor,
 * and an idle key costs one map entry and one slot object.
 */
public final class TokenCache {

    /** Obtains tokens for one key. */
    @FunctionalInterface
    public interface TokenRequester {

        /** Requests a new token. {@code current} is the token being replaced, empty on first use. */
        Either<AuthError, AccessToken> requestToken(Optional<AccessToken> current);

        /**
         * Requests a new token as {@link #requestToken} does and returns it with a digest of the
         * credentials that obtained it. By default the token comes without a digest, and the
         * cache never calls {@link #credentialsChanged} for it.
         */
        default Either<AuthError, IssuedToken> issueToken(Optional<AccessToken> current) {
            return requestToken(current).map(token -> new IssuedToken(token, Optional.empty()));
        }

        /**
         * Tells whether the credentials that obtained {@code token}, whose digest was
         * {@code credentialsDigest} then, have changed since. Called on a caller's thread, for one
         * caller per key at a time and at most once per check interval.
         */
        default boolean credentialsChanged(AccessToken token, byte[] credentialsDigest) {
            return false;
        }
    }

    /**
     * A token and, when the requester keeps one, a digest of the credentials that obtained it.
     *
     * @param credentialsDigest a hash of the credentials, such as the SHA-256 of the client secret;
     *     never the credentials themselves
     */
    public record IssuedToken(AccessToken token, Optional<byte[]> credentialsDigest) {
    }

    private final ConcurrentHashMap<TokenKey, Slot> slots = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Executor refreshExecutor;
    private final RandomGenerator random;
    private final long credentialsCheckMillis;

    /**
     * Creates a cache that never checks whether a token's credentials changed.
     *
     * @param clock the source of the current time
     * @param refreshExecutor runs background refreshes; shared by all keys. It should start each
     *     task soon, because a caller whose token expires while its refresh is still queued waits
     *     for that refresh
     * @param random the source of back-off jitter
     */
    public TokenCache(Clock clock, Executor refreshExecutor, RandomGenerator random) {
        this(clock, refreshExecutor, random, Optional.empty());
    }

    /**
     * @param credentialsCheck the minimum time between two {@link TokenRequester#credentialsChanged}
     *     checks of one key; zero checks on every call, empty never checks
     * @throws IllegalArgumentException if {@code credentialsCheck} is negative
     */
    public TokenCache(Clock clock, Executor refreshExecutor, RandomGenerator random, Optional<Duration> credentialsCheck) {
        credentialsCheck.filter(Duration::isNegative).ifPresent(negative -> {
            throw new IllegalArgumentException("The credentials check interval must not be negative, but was " + negative);
        });
        this.clock = clock;
        this.refreshExecutor = refreshExecutor;
        this.random = random;
        this.credentialsCheckMillis = credentialsCheck.map(TokenCache::millisOrMax).orElse(Long.MAX_VALUE);
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

    private static long millisOrMax(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException beyondLongMillis) {
            return Long.MAX_VALUE;
        }
    }

    /** Epoch milliseconds of {@code instant}, rounded down; instants beyond a {@code long} count as the end of time. */
    private static long epochMillisRoundedDown(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException beyondLongMillis) {
            // Only instants near Instant.MAX, such as the expiry of an endless token, get here.
            return Long.MAX_VALUE;
        }
    }

    /**
     * A cached token with its instants in epoch milliseconds, so that callers compare longs instead
     * of allocating {@code Instant}s, and the results handed to callers, built once.
     *
     * @param refreshAtMillis when the token is due for refresh, rounded down
     * @param expiresAtMillis when the token expires, rounded down, so it counts as expired up to a
     *     millisecond early and never late
     * @param nextCheckMillis when its credentials are checked next
     * @param quietUntilMillis the earlier of the refresh and the check: before it a caller only
     *     takes the token
     */
    private record Entry(
            AccessToken token,
            Optional<byte[]> credentialsDigest,
            long refreshAtMillis,
            long expiresAtMillis,
            long nextCheckMillis,
            long quietUntilMillis,
            Either<AuthError, AccessToken> asToken,
            Either<AuthError, RequestCredentials> asCredentials) {

        static Entry of(IssuedToken issued, TokenPolicy policy, long nextCheckMillis) {
            AccessToken token = issued.token();
            long refreshAt = epochMillisRoundedDown(policy.refreshAt(token));
            return new Entry(
                    token,
                    issued.credentialsDigest(),
                    refreshAt,
                    epochMillisRoundedDown(token.expiresAt()),
                    nextCheckMillis,
                    Math.min(refreshAt, nextCheckMillis),
                    Either.right(token),
                    Either.right(RequestCredentials.bearer(token)));
        }

        Entry withNextCheck(long nextCheck) {
            return new Entry(token, credentialsDigest, refreshAtMillis, expiresAtMillis, nextCheck, Math.min(refreshAtMillis, nextCheck), asToken, asCredentials);
        }

        /** Returns this entry due for refresh at {@code now} and never checked again, because its credentials changed. */
        Entry dueForRefresh(long now) {
            long refreshAt = Math.min(refreshAtMillis, now);
            return new Entry(token, Optional.empty(), refreshAt, expiresAtMillis, Long.MAX_VALUE, refreshAt, asToken, asCredentials);
        }
    }

    /** The last failed request of a key and when the next one may start, in epoch milliseconds. */
    private record Failure(AuthError error, int consecutiveFailures, long nextAttemptAtMillis) {
    }

    /** One key's token, its pending request and its back-off state. */
    public final class Slot {

        private static final VarHandle ENTRY;
        private static final VarHandle PENDING;
        private static final VarHandle CHECKING;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                ENTRY = lookup.findVarHandle(Slot.class, "entry", Entry.class);
                PENDING = lookup.findVarHandle(Slot.class, "pending", CompletableFuture.class);
                CHECKING = lookup.findVarHandle(Slot.class, "checking", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        // Plain fields updated through VarHandles instead of AtomicReferences, which would add
        // two objects to every key.
        private volatile Entry entry;
        private volatile CompletableFuture<Either<AuthError, Entry>> pending;
        private volatile Failure failure;
        private volatile boolean checking;
        // The cache's clock, kept here too so that the fresh path reads it without going through
        // the cache object first.
        private final Clock slotClock = clock;

        private Slot() {
        }

        /**
         * Returns a valid token, or the error of the request that failed to obtain one.
         *
         * <p>Blocks only when no valid token exists and no back-off is in force; then it waits
         * for the one request that is running or starts it on this thread.
         */
        public Either<AuthError, AccessToken> token(TokenPolicy policy, TokenRequester requester) {
            Entry current = entry;
            if (current != null && slotClock.millis() < current.quietUntilMillis()) {
                return current.asToken();
            }
            Either<AuthError, Entry> settled = settle(current, policy, requester);
            return settled.isRight() ? settled.get().asToken() : Either.left(settled.getLeft());
        }

        /**
         * Returns {@code Authorization: Bearer} credentials for a valid token, as
         * {@link #token} finds it. While the token is fresh this allocates nothing.
         */
        public Either<AuthError, RequestCredentials> credentials(TokenPolicy policy, TokenRequester requester) {
            Entry current = entry;
            if (current != null && slotClock.millis() < current.quietUntilMillis()) {
                return current.asCredentials();
            }
            Either<AuthError, Entry> settled = settle(current, policy, requester);
            return settled.isRight() ? settled.get().asCredentials() : Either.left(settled.getLeft());
        }

        /**
         * Drops {@code rejected} if it is still this key's token, so the next caller obtains a new
         * one. A newer token that another caller obtained meanwhile stays.
         *
         * @return whether the token was dropped
         */
        public boolean drop(AccessToken rejected) {
            Entry current = entry;
            if (current == null || current.token() != rejected || !ENTRY.compareAndSet(this, current, null)) {
                return false;
            }
            // A back-off that lasts until the token's expiry, as after invalid_client, would leave
            // callers without a token until then. The next caller tries once, and a failure of
            // that request backs off as usual.
            failure = null;
            return true;
        }

        /** Decides what a caller gets once the fast path found no fresh token or a check due. */
        private Either<AuthError, Entry> settle(Entry current, TokenPolicy policy, TokenRequester requester) {
            long now = clock.millis();
            if (current != null && now >= current.nextCheckMillis()) {
                current = checkCredentials(current, now, requester);
            }

            if (current != null && now < current.refreshAtMillis()) {
                return Either.right(current);
            }

            if (current != null && now < current.expiresAtMillis()) {
                if (mayAttempt(now)) {
                    startRefreshInBackground(current, policy, requester);
                }
                return Either.right(current);
            }

            Failure lastFailure = failure;
            if (lastFailure != null && now < lastFailure.nextAttemptAtMillis()) {
                return Either.left(lastFailure.error());
            }
            return awaitRequest(policy, requester);
        }

        /**
         * Lets one caller at a time check whether the credentials of {@code current} changed, and
         * moves the next check one interval on. Returns the entry to go on with: when the
         * credentials changed, one that is due for refresh now, with the back-off cleared.
         */
        private Entry checkCredentials(Entry current, long now, TokenRequester requester) {
            if (!CHECKING.compareAndSet(this, false, true)) {
                return current;
            }
            try {
                Entry postponed = current.withNextCheck(saturatedAdd(now, credentialsCheckMillis));
                if (!ENTRY.compareAndSet(this, current, postponed)) {
                    // The token was replaced or dropped since this caller read it.
                    return entry;
                }
                if (current.credentialsDigest().isEmpty() || !requester.credentialsChanged(current.token(), current.credentialsDigest().get())) {
                    return postponed;
                }

                // A back-off caused by the old credentials, such as invalid_client from a server
                // that already expected the new ones, must not delay the first request with the
                // new ones.
                Entry due = postponed.dueForRefresh(now);
                failure = null;
                return ENTRY.compareAndSet(this, postponed, due) ? due : entry;
            } finally {
                checking = false;
            }
        }

        private boolean mayAttempt(long now) {
            Failure lastFailure = failure;
            return lastFailure == null || now >= lastFailure.nextAttemptAtMillis();
        }

        private void startRefreshInBackground(Entry current, TokenPolicy policy, TokenRequester requester) {
            CompletableFuture<Either<AuthError, Entry>> request = new CompletableFuture<>();
            if (!PENDING.compareAndSet(this, null, request)) {
                return;
            }
            try {
                refreshExecutor.execute(() -> run(request, policy, requester));
            } catch (RejectedExecutionException e) {
                // The executor is shutting down or saturated. The current token is still valid,
                // so callers keep it and a later caller tries the refresh again.
                pending = null;
                request.complete(Either.right(current));
            }
        }

        @SuppressWarnings("unchecked")
        private Either<AuthError, Entry> awaitRequest(TokenPolicy policy, TokenRequester requester) {
            CompletableFuture<Either<AuthError, Entry>> request = new CompletableFuture<>();
            CompletableFuture<Either<AuthError, Entry>> running =
                    (CompletableFuture<Either<AuthError, Entry>>) PENDING.compareAndExchange(this, null, request);
            if (running != null) {
                return running.join();
            }
            run(request, policy, requester);
            return request.join();
        }

        /** Runs one token request as the only one in flight for this key, then releases the key. */
        private void run(CompletableFuture<Either<AuthError, Entry>> request, TokenPolicy policy, TokenRequester requester) {
            // Another request may have finished between this caller's look at the slot and its
            // claim on the key. A fresh token from it, or a back-off that its failure started,
            // makes this request unnecessary.
            Entry current = entry;
            Optional<Either<AuthError, Entry>> settled = outcomeWithoutRequest(current, clock.millis());
            if (settled.isPresent()) {
                pending = null;
                request.complete(settled.get());
                return;
            }

            Either<AuthError, IssuedToken> outcome;
            try {
                outcome = requester.issueToken(Optional.ofNullable(current).map(Entry::token));
            } catch (RuntimeException | Error e) {
                pending = null;
                request.completeExceptionally(e);
                throw e;
            }

            Either<AuthError, Entry> result;
            long now = clock.millis();
            if (outcome.isRight()) {
                Entry obtained = Entry.of(outcome.get(), policy, saturatedAdd(now, credentialsCheckMillis));
                entry = obtained;
                failure = null;
                result = Either.right(obtained);
            } else {
                failure = nextFailure(outcome.getLeft(), policy, current, now);
                result = Either.left(outcome.getLeft());
            }
            pending = null;
            request.complete(result);
        }

        /**
         * Returns the outcome for a caller that has claimed the key when no request is needed: the
         * token while it is fresh, and during a back-off the token while it is valid or else the
         * last error.
         */
        private Optional<Either<AuthError, Entry>> outcomeWithoutRequest(Entry current, long now) {
            if (current != null && now < current.refreshAtMillis()) {
                return Optional.of(Either.right(current));
            }
            Failure lastFailure = failure;
            if (lastFailure == null || now >= lastFailure.nextAttemptAtMillis()) {
                return Optional.empty();
            }
            if (current != null && now < current.expiresAtMillis()) {
                return Optional.of(Either.right(current));
            }
            return Optional.of(Either.left(lastFailure.error()));
        }

        private Failure nextFailure(AuthError error, TokenPolicy policy, Entry current, long now) {
            Failure previous = failure;
            int consecutive = previous == null ? 1 : previous.consecutiveFailures() + 1;
            Duration delay = policy.backoff(consecutive, error.retryAfter(), random);
            long next = saturatedAdd(now, millisRoundedUp(delay));
            // A rejection such as invalid_client will not heal by itself: stop refreshing a token
            // that is still valid, and try again only once it has expired.
            if (!error.isRetryable() && current != null && next < current.expiresAtMillis()) {
                next = current.expiresAtMillis();
            }
            return new Failure(error, consecutive, next);
        }
    }

    /** Whole milliseconds of {@code delay}, rounded up so that a back-off never ends early. */
    private static long millisRoundedUp(Duration delay) {
        long millis = millisOrMax(delay);
        return delay.minusMillis(millis).isPositive() ? saturatedAdd(millis, 1) : millis;
    }

    private static long saturatedAdd(long millis, long delta) {
        long sum = millis + delta;
        // Overflow when both operands are positive and the sum is not.
        return ((millis ^ sum) & (delta ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
