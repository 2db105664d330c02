package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets kept in memory, written {@code memory:KEY}, for hosts that embed httpauth and for
 * tests. Thread-safe: {@link #put} and {@link #resolve} may run concurrently, and a resolution
 * returns the value of the last {@code put} for its key that completed before it started.
 */
public final class InMemorySecretStore implements ResolveSecretPort {

    private final Map<String, Secret> secretsByKey = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemorySecretStore() {
    }

    /**
     * Stores {@code value} under {@code key}, replacing any earlier value.
     *
     * @return this store
     * @throws IllegalArgumentException if {@code key} is empty
     */
    public InMemorySecretStore put(String key, Secret value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("The key of a secret must not be empty");
        }
        secretsByKey.put(key, value);
        return this;
    }

    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        Secret secret = secretsByKey.get(ref.key());
        if (secret == null) {
            return Either.left(new AuthError.SecretUnavailable(ref, "no secret is stored under the key '" + JsonPaths.printable(ref.key())
                    + "' in the in-memory store: add it with InMemorySecretStore.put before resolving it"));
        }
        return Either.right(secret);
    }

    @Override
    public String toString() {
        return "InMemorySecretStore[" + secretsByKey.size() + " secrets]";
    }
}
