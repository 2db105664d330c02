package dev.httpauth.domain.support;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Resolves refs from a map that the test fills, and records every ref passed to {@link #resolve}. */
public final class FakeSecretStore implements ResolveSecretPort {

    /** The reason given for a ref that has no stored value. */
    public static final String NOT_STORED = "no value is stored under this ref in the test store";

    private final Map<SecretRef, String> values = new ConcurrentHashMap<>();
    private final List<SecretRef> requestedRefs = new CopyOnWriteArrayList<>();

    /** Stores {@code value} under {@code ref}, written {@code scheme:key}, and returns this store. */
    public FakeSecretStore with(String ref, String value) {
        values.put(Fixtures.ref(ref), value);
        return this;
    }

    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        requestedRefs.add(ref);
        String value = values.get(ref);
        if (value == null) {
            return Either.left(new AuthError.SecretUnavailable(ref, NOT_STORED));
        }
        return Either.right(Secret.of(value));
    }

    /** Returns the refs passed to {@link #resolve}, in call order. */
    public List<SecretRef> requestedRefs() {
        return List.copyOf(requestedRefs);
    }
}
