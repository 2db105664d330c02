package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.TokenPolicy;
import io.vavr.control.Either;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Access tokens by {@link TokenKey}, each reused until its {@link TokenPolicy#refreshAt refresh
 * instant}.
 *
 * <p>Concurrent callers that need a new token for the same key share one token request: the
 * first caller runs it on its own thread and the others wait for its result. The cache starts no
 * threads and no timers, so an idle key costs one map entry.
 */
public final class TokenCache {

    private final ConcurrentHashMap<TokenKey, Slot> slots = new ConcurrentHashMap<>();
    private final Clock clock;

    public TokenCache(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the cached token for {@code key} while it is fresh under {@code policy}; otherwise
     * runs {@code requestToken} once for all concurrent callers and caches a successful result.
     * A failed request is not cached: the next caller tries again.
     */
    public Either<AuthError, AccessToken> token(TokenKey key, TokenPolicy policy, Supplier<Either<AuthError, AccessToken>> requestToken) {
        Slot slot = slots.computeIfAbsent(key, unused -> new Slot());
        AccessToken current = slot.token;
        if (current != null && !policy.needsRefresh(current, clock.instant())) {
            return Either.right(current);
        }
        return slot.replace(policy, requestToken);
    }

    /**
     * Drops {@code rejected} from the cache if it is still the cached token for {@code key}. A
     * newer token that another caller obtained meanwhile stays.
     */
    public void drop(TokenKey key, AccessToken rejected) {
        Slot slot = slots.get(key);
        if (slot != null) {
            slot.dropIfCurrent(rejected);
        }
    }

    /** The number of keys that have ever held a token or a token request. */
    public int size() {
        return slots.size();
    }

    /** One key's token and the request that is replacing it, if any. */
    private final class Slot {

        private volatile AccessToken token;
        private CompletableFuture<Either<AuthError, AccessToken>> pending;

        Either<AuthError, AccessToken> replace(TokenPolicy policy, Supplier<Either<AuthError, AccessToken>> requestToken) {
            CompletableFuture<Either<AuthError, AccessToken>> result;
            boolean leader = false;
            synchronized (this) {
                // Another caller may have stored a fresh token since this caller looked.
                AccessToken current = token;
                if (current != null && !policy.needsRefresh(current, clock.instant())) {
                    return Either.right(current);
                }
                if (pending == null) {
                    pending = new CompletableFuture<>();
                    leader = true;
                }
                result = pending;
            }
            if (!leader) {
                return result.join();
            }

            Either<AuthError, AccessToken> outcome;
            try {
                outcome = requestToken.get();
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    pending = null;
                }
                result.completeExceptionally(e);
                throw e;
            }

            synchronized (this) {
                outcome.forEach(obtained -> token = obtained);
                pending = null;
            }
            result.complete(outcome);
            return outcome;
        }

        synchronized void dropIfCurrent(AccessToken rejected) {
            if (token == rejected) {
                token = null;
            }
        }
    }
}
