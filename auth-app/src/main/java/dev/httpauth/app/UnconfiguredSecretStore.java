package dev.httpauth.app;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.util.Objects;

/**
 * Stands in for a store that is not configured, such as the vault before a vault file was given,
 * so that a connections file may use the scheme and each of its refs fails with a reason that
 * explains how to configure the store.
 */
public final class UnconfiguredSecretStore implements ResolveSecretPort {

    private final String reason;

    /**
     * @param reason what is missing and how to configure it, such as {@code no vault is
     *     configured: pass --vault FILE}; it becomes the reason of every {@code SecretUnavailable}
     */
    public UnconfiguredSecretStore(String reason) {
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Returns {@code SecretUnavailable} with the reason given to the constructor, for every ref. */
    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        return Either.left(new AuthError.SecretUnavailable(ref, reason));
    }

    @Override
    public String toString() {
        return "UnconfiguredSecretStore[" + reason + "]";
    }
}
