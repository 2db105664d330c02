package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.HttpAuthMethod;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolves the secrets of one connection's auth method, and no others. */
final class MethodSecrets {

    private final ResolveSecretPort secretStore;

    MethodSecrets(ResolveSecretPort secretStore) {
        this.secretStore = secretStore;
    }

    /**
     * Resolves {@code field} of the method of {@code connectionId} and checks that the value can be
     * sent in a request.
     */
    Either<AuthError, Secret> resolve(String connectionId, String field, SecretRef ref) {
        return secretStore.resolve(ref).flatMap(secret -> check(connectionId, field, ref, secret));
    }

    /** Checks that {@code secret}, resolved from {@code ref} for {@code field}, can be sent in a request. */
    Either<AuthError, Secret> check(String connectionId, String field, SecretRef ref, Secret secret) {
        return AuthMethodValidation.secretValueProblem(field, ref, secret)
                .<Either<AuthError, Secret>>map(problem -> Either.left(invalidSecret(connectionId, problem)))
                .orElseGet(() -> Either.right(secret));
    }

    /** Resolves every secret ref of {@code method}, keyed by field, stopping at the first failure. */
    Either<AuthError, Map<String, Secret>> resolveAll(String connectionId, HttpAuthMethod method) {
        Map<String, Secret> resolved = new LinkedHashMap<>();
        for (Map.Entry<String, SecretRef> field : method.secretRefs().entrySet()) {
            Either<AuthError, Secret> secret = resolve(connectionId, field.getKey(), field.getValue());
            if (secret.isLeft()) {
                return Either.left(secret.getLeft());
            }
            resolved.put(field.getKey(), secret.get());
        }
        return Either.right(resolved);
    }

    private static AuthError invalidSecret(String connectionId, ConfigProblem problem) {
        return new AuthError.InvalidConfiguration("connection '" + connectionId + "'", List.of(problem.under("connections." + connectionId + ".auth")));
    }
}
