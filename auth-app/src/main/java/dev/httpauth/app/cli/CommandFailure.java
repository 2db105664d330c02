package dev.httpauth.app.cli;

import dev.httpauth.domain.error.AuthError;

/**
 * The reason a command stopped: a message for stderr and the process exit code.
 *
 * @param exitCode one of the {@link ExitCode} values other than {@code OK}
 * @param message one line, or one line followed by an indented list of problems; never a secret value
 */
record CommandFailure(int exitCode, String message) {

    /** Creates a failure for a mistake in the command line or configuration, exit code 2. */
    static CommandFailure usage(String message) {
        return new CommandFailure(ExitCode.USAGE, message);
    }

    /** Creates a failure for a failed authentication or request, exit code 1. */
    static CommandFailure failed(String message) {
        return new CommandFailure(ExitCode.FAILED, message);
    }

    /** Creates the failure for {@code error}: exit code 2 for configuration errors such as an unknown connection, 1 for the rest. */
    static CommandFailure of(AuthError error) {
        return new CommandFailure(exitCode(error), error.message());
    }

    /** Returns the exit code for {@code error}: 2 for configuration errors, 1 for the rest. */
    static int exitCode(AuthError error) {
        return error.isConfigurationError() ? ExitCode.USAGE : ExitCode.FAILED;
    }
}
