package dev.httpauth.app.cli;

import java.io.Console;
import java.io.InputStream;
import java.util.Optional;

/**
 * Standard input and the terminal of the person running {@code httpauth}, for values that must
 * never appear on the command line: vault passphrases and secret values. Tests pass their own.
 */
public interface CliTerminal {

    /** Returns standard input, from which {@code secrets set} reads a value when no terminal is attached. */
    InputStream standardInput();

    /**
     * Tells whether a person can answer prompts: true when standard input and output are a
     * terminal, as {@link System#console()} reports it.
     */
    boolean interactive();

    /**
     * Shows {@code prompt} and reads a line without echoing it.
     *
     * @return the characters typed, in a new array that the caller clears; empty at end of input
     *     or when {@link #interactive()} is false
     */
    Optional<char[]> readPassword(String prompt);

    /** Returns the standard input and console of this process. */
    static CliTerminal system() {
        return new CliTerminal() {

            @Override
            public InputStream standardInput() {
                return System.in;
            }

            @Override
            public boolean interactive() {
                return System.console() != null;
            }

            @Override
            public Optional<char[]> readPassword(String prompt) {
                Console console = System.console();
                return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
            }
        };
    }
}
