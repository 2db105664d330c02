package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.ConnectionFileFormat;
import dev.httpauth.app.HttpAuth;
import dev.httpauth.app.HttpAuthModule;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Creates the {@link HttpAuth} that serves one connections file, once the command line has found the file. */
@FunctionalInterface
public interface ConnectionsOpener {

    /**
     * Returns a new instance, with its own token cache, for {@code connectionsFile}. Reads nothing yet.
     *
     * @param configuration applied to the module before the instance is created, such as the
     *     vault and PKCS#12 stores that the command line options configure
     */
    HttpAuth open(Path connectionsFile, UnaryOperator<HttpAuthModule> configuration);

    /**
     * Returns the auth method types that the opened files may use. The default has the built-in
     * methods only.
     */
    default ConnectionFileFormat format() {
        return ConnectionFileFormat.builtIn();
    }
}
