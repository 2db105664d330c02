package dev.httpauth.app.cli;

/** The exit codes of {@code httpauth}, listed in its help text. */
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

    private ExitCode() {
    }
}
