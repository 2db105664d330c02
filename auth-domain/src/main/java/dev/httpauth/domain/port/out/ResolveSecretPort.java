package dev.httpauth.domain.port.out;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Either;

/** Reads the secret a ref points to. */
public interface ResolveSecretPort {

    /**
     * Returns the secret behind {@code ref}, or {@code SecretUnavailable} naming the ref and the
     * reason. Thread-safe.
     */
    Either<AuthError, Secret> resolve(SecretRef ref);
}
