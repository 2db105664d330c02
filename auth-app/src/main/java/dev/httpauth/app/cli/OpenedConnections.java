package dev.httpauth.app.cli;

import dev.httpauth.app.HttpAuth;
import dev.httpauth.domain.error.AuthError;

import java.util.Set;

/**
 * A connections file opened by the command line, with the schemes whose store an option must
 * configure first.
 *
 * @param unconfiguredSchemes see {@link StoreConfiguration#unconfiguredSchemes()}
 */
record OpenedConnections(HttpAuth httpAuth, Set<String> unconfiguredSchemes) {

    OpenedConnections {
        unconfiguredSchemes = Set.copyOf(unconfiguredSchemes);
    }

    /** Creates the failure for {@code error}, with the exit code of {@link #exitCode(AuthError)}. */
    CommandFailure failure(AuthError error) {
        return new CommandFailure(exitCode(error), error.message());
    }

    /**
     * Returns the exit code for {@code error}: 2 for configuration errors and for a secret whose
     * store is not configured, because a missing option is a usage error, and 1 for the rest.
     */
    int exitCode(AuthError error) {
        if (error instanceof AuthError.SecretUnavailable unavailable && unconfiguredSchemes.contains(unavailable.ref().scheme())) {
            return ExitCode.USAGE;
        }
        return CommandFailure.exitCode(error);
    }
}
