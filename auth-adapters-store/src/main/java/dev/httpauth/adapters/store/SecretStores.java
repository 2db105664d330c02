package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Resolves each secret ref with the store registered for its scheme, such as {@code env} or
 * {@code file}. Immutable and thread-safe if the stores are.
 */
public final class SecretStores implements ResolveSecretPort {

    /** The same rule as {@link SecretRef#scheme()}: a lower-case letter, then lower-case letters, digits, '+', '.' or '-'. */
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    private final SortedMap<String, ResolveSecretPort> storesByScheme;

    /**
     * Creates a router over {@code storesByScheme}.
     *
     * @throws IllegalArgumentException if a scheme is not a valid secret ref scheme
     */
    public SecretStores(Map<String, ResolveSecretPort> storesByScheme) {
        SortedMap<String, ResolveSecretPort> copy = new TreeMap<>();
        storesByScheme.forEach((scheme, store) -> {
            if (!SCHEME.matcher(scheme).matches()) {
                throw new IllegalArgumentException("Invalid secret store scheme '" + scheme
                        + "': start with a lower-case letter and use lower-case letters, digits, '+', '.' or '-'");
            }
            copy.put(scheme, Objects.requireNonNull(store, "store"));
        });
        this.storesByScheme = Collections.unmodifiableSortedMap(copy);
    }

    /** Creates a router with {@code env} (this process's environment) and {@code file} (files by absolute path). */
    public static SecretStores standard() {
        return new SecretStores(Map.of("env", EnvSecretStore.system(), "file", new FileSecretStore()));
    }

    /** Returns a copy of this router with {@code store} serving {@code scheme}, replacing any store it had. */
    public SecretStores with(String scheme, ResolveSecretPort store) {
        SortedMap<String, ResolveSecretPort> extended = new TreeMap<>(storesByScheme);
        extended.put(scheme, store);
        return new SecretStores(extended);
    }

    /** Returns the schemes that have a store, in alphabetical order. */
    public Set<String> schemes() {
        return storesByScheme.keySet();
    }

    /** Resolves {@code ref} with the store of its scheme, or returns {@code SecretUnavailable} naming the known schemes. */
    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        ResolveSecretPort store = storesByScheme.get(ref.scheme());
        if (store == null) {
            String fix = storesByScheme.isEmpty()
                    ? "no secret stores are configured: register a store for '" + ref.scheme() + "'"
                    : "the configured schemes are " + String.join(", ", schemes())
                            + ": write the ref with one of them, or register a store for '" + ref.scheme() + "'";
            return Either.left(new AuthError.SecretUnavailable(ref, "no secret store serves the scheme '" + ref.scheme() + "'; " + fix));
        }
        return store.resolve(ref);
    }

    @Override
    public String toString() {
        return "SecretStores" + storesByScheme;
    }
}
