package dev.httpauth.app.cli;

import io.vavr.control.Either;

import java.util.Arrays;
import java.util.Optional;

/** Prompts on the terminal for values that are typed without echo. */
final class TerminalPrompts {

    private TerminalPrompts() {
    }

    /**
     * Asks for a value twice, so that a typing mistake cannot lock a vault or store a wrong secret.
     *
     * @param valueName the value prompted for, such as {@code passphrase}, for the messages
     * @return the value in a new array that the caller clears, or a usage failure when nothing was
     *     entered, the value is empty, or the two entries differ
     */
    static Either<CommandFailure, char[]> askTwice(CliTerminal terminal, String prompt, String repeatPrompt, String valueName) {
        Either<CommandFailure, char[]> first = askOnce(terminal, prompt, valueName);
        if (first.isLeft()) {
            return first;
        }
        Either<CommandFailure, char[]> second = askOnce(terminal, repeatPrompt, valueName);
        if (second.isLeft()) {
            Arrays.fill(first.get(), '\0');
            return second;
        }

        boolean same = Arrays.equals(first.get(), second.get());
        Arrays.fill(second.get(), '\0');
        if (!same) {
            Arrays.fill(first.get(), '\0');
            return Either.left(CommandFailure.usage("The two " + valueName + " entries differ, so nothing was changed: run the command again"));
        }
        return first;
    }

    /** Asks for a value once; an empty entry or the end of input is a usage failure. */
    static Either<CommandFailure, char[]> askOnce(CliTerminal terminal, String prompt, String valueName) {
        Optional<char[]> entered = terminal.readPassword(prompt);
        if (entered.isEmpty()) {
            return Either.left(CommandFailure.usage("No " + valueName + " was entered"));
        }
        if (entered.get().length == 0) {
            return Either.left(CommandFailure.usage("The " + valueName + " is empty: enter at least one character"));
        }
        return Either.right(entered.get());
    }
}
