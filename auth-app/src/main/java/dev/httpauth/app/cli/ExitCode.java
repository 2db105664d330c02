package dev.httpauth.app.cli;

/** The exit codes of {@code httpauth}, and the parts of the exit code lists in the help of its commands. */
final class ExitCode {

    /** The command did what was asked. */
    static final int OK = 0;

    /**
     * Authentication or the request failed: a server rejected the credentials, a server was
     * unreachable, a secret was unavailable, or the resource returned HTTP 400 or above.
     */
    static final int FAILED = 1;

    /** Bad usage or configuration: an unknown option, connection or file, or an invalid connections file. */
    static final int USAGE = 2;

    /** The heading of the exit code list in the help of every command. */
    static final String LIST_HEADING = "%nExit codes:%n";

    /** The entry for exit code 1 of the commands whose only failure of that kind is an unexpected error. */
    static final String UNEXPECTED_ERROR = "1:An unexpected error. Run the command again with --verbose to see its stack trace.";

    /** The usage and configuration errors of every command that reads connections, for the entry of exit code 2. */
    static final String CONNECTIONS_USAGE = "2:Bad usage or configuration: an unknown option or connection, a missing or invalid"
            + " connections file, a vault: or pkcs12: ref without --vault or --pkcs12, a vault, key or keystore file that does not"
            + " exist, no vault key or keystore password configured, auth method plugins that cannot be installed together";

    /** The failures of the vault for the entry of exit code 1 of the secrets commands. */
    static final String VAULT_FAILED = "1:A wrong passphrase or key file, a damaged vault file";

    /** The usage and configuration errors of every secrets command, for the entry of exit code 2. */
    static final String VAULT_USAGE = "2:Bad usage or configuration: an unknown option, no vault or key configured, no such vault"
            + " file, a key file or passphrase file that cannot be used";

    private ExitCode() {
    }
}
