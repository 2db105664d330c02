package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.ConnectionFileFormat;
import dev.httpauth.app.HttpAuth;

import java.nio.file.Path;

/** Creates the {@link HttpAuth} that serves one connections file, once the command line has found the file. */
@FunctionalInterface
public interface ConnectionsOpener {

    /** Returns a new instance, with its own token cache, for {@code connectionsFile}. Reads nothing yet. */
    HttpAuth open(Path connectionsFile);

    /**
     * Returns the auth method types that the opened files may use. The default has the built-in
     * methods only.
     */
    default ConnectionFileFormat format() {
        return ConnectionFileFormat.builtIn();
    }
}
