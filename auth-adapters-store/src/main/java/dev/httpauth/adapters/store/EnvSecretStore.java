package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Secrets in environment variables, written {@code env:NAME}.
 *
 * <p>A name consists of ASCII letters, digits and {@code '_'} and does not start with a digit
 * (POSIX). Immutable and thread-safe.
 */
public final class EnvSecretStore implements ResolveSecretPort {

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Function<String, String> lookup;
    private final String source;

    /** Creates a store that reads a copy of {@code environment}, a map from variable names to values. */
    public EnvSecretStore(Map<String, String> environment) {
        this(Map.copyOf(environment)::get, environment.size() + " variables");
    }

    private EnvSecretStore(Function<String, String> lookup, String source) {
        this.lookup = lookup;
        this.source = source;
    }

    /**
     * Creates a store that reads the environment of this process with {@link System#getenv(String)},
     * which on Windows ignores the case of names as the operating system does.
     */
    public static EnvSecretStore system() {
        return new EnvSecretStore(System::getenv, "process environment");
    }

    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        String name = ref.key();
        if (!VARIABLE_NAME.matcher(name).matches()) {
            return unavailable(ref, "'" + JsonPaths.printable(name) + "' is not a valid environment variable name: "
                    + "use ASCII letters, digits and '_', not starting with a digit");
        }

        String value = lookup.apply(name);
        if (value == null) {
            return unavailable(ref, "the environment variable " + name + " is not set: set it in the environment of the process "
                    + "that reads this connection, for example with export " + name + "=<secret> in the shell that starts it");
        }
        if (value.isEmpty()) {
            return unavailable(ref, "the environment variable " + name + " is set but empty: set it to the secret value");
        }
        return Either.right(Secret.of(value));
    }

    @Override
    public String toString() {
        return "EnvSecretStore[" + source + "]";
    }

    private static Either<AuthError, Secret> unavailable(SecretRef ref, String reason) {
        return Either.left(new AuthError.SecretUnavailable(ref, reason));
    }
}
