package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.Secret;
import io.vavr.control.Either;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;

/**
 * A {@link TokenCache.TokenRequester} whose outcome for each call the test scripts. Calls are
 * numbered from 1, and the token passed in as the one being replaced is recorded. Thread-safe.
 */
final class ScriptedRequester implements TokenCache.TokenRequester {

    static final URI TOKEN_ENDPOINT = URI.create("https://login.example.com/oauth2/token");

    /** A 503 response, after which a later request may succeed. */
    static final AuthError UNAVAILABLE = new AuthError.TokenRequestRejected(
            TOKEN_ENDPOINT, 503, "temporarily_unavailable", Optional.empty(), Optional.empty());

    /** An {@code invalid_client} response, which will not heal by itself. */
    static final AuthError INVALID_CLIENT = new AuthError.TokenRequestRejected(
            TOKEN_ENDPOINT, 401, "invalid_client", Optional.empty(), Optional.empty());

    /** The outcome of one call. */
    @FunctionalInterface
    interface Script {
        Either<AuthError, AccessToken> outcome(int call);
    }

    private final Script script;
    private final List<Optional<AccessToken>> replaced = new CopyOnWriteArrayList<>();

    private ScriptedRequester(Script script) {
        this.script = script;
    }

    static ScriptedRequester scripted(Script script) {
        return new ScriptedRequester(script);
    }

    /** Issues {@code token-1}, {@code token-2}, … obtained at the clock's instant and lasting {@code lifetime}. */
    static ScriptedRequester numberedTokens(Clock clock, Duration lifetime) {
        return scripted(call -> Either.right(token("token-" + call, clock, lifetime)));
    }

    /** Issues numbered tokens for the calls that {@code failing} does not name, and {@code error} for the others. */
    static ScriptedRequester failingOn(Clock clock, Duration lifetime, AuthError error, IntPredicate failing) {
        return scripted(call -> failing.test(call) ? Either.left(error) : Either.right(token("token-" + call, clock, lifetime)));
    }

    static AccessToken token(String value, Clock clock, Duration lifetime) {
        return new AccessToken(Secret.of(value), "Bearer", clock.instant(), clock.instant().plus(lifetime), true, List.of());
    }

    @Override
    public Either<AuthError, AccessToken> requestToken(Optional<AccessToken> current) {
        int call;
        synchronized (replaced) {
            replaced.add(current);
            call = replaced.size();
        }
        return script.outcome(call);
    }

    int callCount() {
        return replaced.size();
    }

    /** Returns the token each call was asked to replace, in call order. */
    List<Optional<AccessToken>> replacedTokens() {
        return List.copyOf(replaced);
    }
}
