package dev.httpauth.app;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

/**
 * Turns a {@link KeyUnavailableException} that a store's key supplier throws into
 * {@code SecretUnavailable}, because the domain expects failures as values.
 */
final class KeyGuardedSecretStore implements ResolveSecretPort {

    private final ResolveSecretPort store;

    KeyGuardedSecretStore(ResolveSecretPort store) {
        this.store = store;
    }

    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        try {
            return store.resolve(ref);
        } catch (KeyUnavailableException e) {
            return Either.left(new AuthError.SecretUnavailable(ref, e.getMessage()));
        }
    }

    @Override
    public String toString() {
        return store.toString();
    }
}
