package dev.httpauth.bench.support;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.util.HashMap;
import java.util.Map;

/**
 * Secrets held in a map whose values are the finished {@code Either} results, so that resolving
 * allocates nothing and the same {@link Secret} instance comes back every time.
 */
public final class FixedSecrets implements ResolveSecretPort {

    private final Map<SecretRef, Either<AuthError, Secret>> byRef = new HashMap<>();

    /** Stores {@code value} under {@code ref} and returns this store. Not thread-safe: call before use. */
    public FixedSecrets put(SecretRef ref, String value) {
        byRef.put(ref, Either.right(Secret.of(value)));
        return this;
    }

    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        Either<AuthError, Secret> found = byRef.get(ref);
        return found != null ? found : Either.left(new AuthError.SecretUnavailable(ref, "not stored in this benchmark's secret map"));
    }
}
