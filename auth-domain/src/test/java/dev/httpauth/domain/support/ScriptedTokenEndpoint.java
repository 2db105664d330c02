package dev.httpauth.domain.support;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import dev.httpauth.domain.port.out.RequestTokenPort;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * A token endpoint whose responses the test scripts. It records every request and numbers the
 * calls from 1, so that a script can respond to each call differently. Thread-safe.
 */
public final class ScriptedTokenEndpoint implements RequestTokenPort {

    private final IntFunction<Either<AuthError, TokenGrant>> responseForCall;
    private final List<TokenRequest> requests = new CopyOnWriteArrayList<>();

    private ScriptedTokenEndpoint(IntFunction<Either<AuthError, TokenGrant>> responseForCall) {
        this.responseForCall = responseForCall;
    }

    /** Responds to call {@code n} with {@code responseForCall.apply(n)}, counting from 1. */
    public static ScriptedTokenEndpoint responding(IntFunction<Either<AuthError, TokenGrant>> responseForCall) {
        return new ScriptedTokenEndpoint(responseForCall);
    }

    /** Issues the Bearer tokens {@code token-1}, {@code token-2}, … that each expire after {@code expiresIn}. */
    public static ScriptedTokenEndpoint issuingNumberedTokens(Duration expiresIn) {
        return responding(call -> Either.right(Fixtures.bearerGrant("token-" + call, expiresIn)));
    }

    /** Responds to every call with {@code error}. */
    public static ScriptedTokenEndpoint failingWith(AuthError error) {
        return responding(call -> Either.left(error));
    }

    @Override
    public Either<AuthError, TokenGrant> requestToken(TokenRequest request) {
        int call;
        synchronized (requests) {
            requests.add(request);
            call = requests.size();
        }
        return responseForCall.apply(call);
    }

    /** Returns the number of token requests received so far. */
    public int requestCount() {
        return requests.size();
    }

    /** Returns the token requests received so far, oldest first. */
    public List<TokenRequest> requests() {
        return List.copyOf(requests);
    }
}
