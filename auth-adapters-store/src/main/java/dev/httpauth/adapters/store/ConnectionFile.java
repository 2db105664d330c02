package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import dev.httpauth.domain.spi.AuthMethodProvider;
import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Connections read from a JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}) file of
 * this shape:
 *
 * <pre>{@code
 * {"connections": {
 *   "crm":     {"auth": {"type": "oauth2-client-credentials", "tokenEndpoint": "https://login.example.com/oauth2/v2.0/token",
 *                        "clientId": "...", "clientSecret": "env:CRM_CLIENT_SECRET", "scope": "a b"}},
 *   "billing": {"auth": {"type": "basic", "username": "apiuser", "password": "file:/run/secrets/billing-password"}},
 *   "maps":    {"auth": {"type": "api-key", "in": "header", "name": "X-API-Key", "value": "env:MAPS_KEY"}}}}
 * }</pre>
 *
 * <p>Optional fields: {@code scope} (a space-separated string or a list), {@code clientAuthentication}
 * ({@code client_secret_basic}, the default, or {@code client_secret_post}), {@code audience},
 * {@code resource} and {@code tokenPolicy} ({@code {"refreshSkew": "PT60S", "defaultLifetime": "PT5M"}})
 * for OAuth; {@code prefix} for an API key in a header. Secret fields accept only secret refs.
 * Plugins add auth method types, see {@link ConnectionFileFormat}.
 *
 * <p>The file is read once, by {@link #read}. A file with any problem yields no connections: every
 * call then returns {@code InvalidConfiguration} with all problems, each with its path. Immutable
 * and thread-safe.
 */
public final class ConnectionFile implements LoadConnectionsPort {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionFile.class);

    private final Path path;
    private final Either<AuthError.InvalidConfiguration, ConnectionCatalog> contents;

    private ConnectionFile(Path path, Either<AuthError.InvalidConfiguration, ConnectionCatalog> contents) {
        this.path = path;
        this.contents = contents;
    }

    /**
     * Reads {@code file}, which may use the built-in auth methods only. A missing, unreadable or
     * invalid file does not throw: every later call returns its problems instead.
     *
     * @param secretSchemes the schemes of the configured secret stores, such as {@code env} and
     *     {@code file}; a secret ref with any other scheme is a problem
     */
    public static ConnectionFile read(Path file, Set<String> secretSchemes) {
        return read(file, secretSchemes, ConnectionFileFormat.builtIn());
    }

    /**
     * Reads {@code file}, which may use the built-in auth methods and those of {@code providers}.
     *
     * @throws InvalidPluginException if the providers cannot be installed together, see
     *     {@link ConnectionFileFormat#withPlugins}
     * @see #read(Path, Set)
     */
    public static ConnectionFile read(Path file, Set<String> secretSchemes, Collection<? extends AuthMethodProvider<?>> providers) {
        return read(file, secretSchemes, ConnectionFileFormat.withPlugins(providers));
    }

    /**
     * Reads {@code file}, which may use the auth methods of {@code format}.
     *
     * @see #read(Path, Set)
     */
    public static ConnectionFile read(Path file, Set<String> secretSchemes, ConnectionFileFormat format) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Set<String> schemes = Set.copyOf(secretSchemes);

        Either<AuthError.InvalidConfiguration, ConnectionCatalog> contents = ConnectionFileReader.read(file, schemes, format)
                .mapLeft(problems -> new AuthError.InvalidConfiguration(file.toString(), problems))
                .map(ConnectionCatalog::new);

        contents.peek(catalog -> LOG.debug("Read {} connections from {}", catalog.all().size(), file))
                .peekLeft(error -> LOG.debug("Connections file {} is invalid; problem count: {}", file, error.problems().size()));
        return new ConnectionFile(file, contents);
    }

    /** Returns the file the connections were read from, as given to {@link #read}. */
    public Path path() {
        return path;
    }

    @Override
    public Either<AuthError, Connection> loadConnection(String id) {
        return contents.<AuthError>mapLeft(error -> error).flatMap(catalog -> catalog.find(id));
    }

    @Override
    public Either<AuthError, List<Connection>> loadAllConnections() {
        return contents.<AuthError>mapLeft(error -> error).map(ConnectionCatalog::all);
    }

    @Override
    public String toString() {
        return "ConnectionFile[" + path + "]";
    }
}
