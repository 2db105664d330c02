package dev.httpauth.bench.memory;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

/**
 * A secret store that derives each secret from its key when asked and keeps nothing, so the heap
 * measurement counts no stored secrets: those belong to whatever store the host uses.
 */
final class GeneratedSecrets implements ResolveSecretPort {

    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        return Either.right(Secret.of("secret-of-" + ref.key()));
    }
}
