package dev.httpauth.app.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A terminal for tests: either no terminal, with given bytes on standard input, or a terminal
 * whose prompts are answered in order and recorded.
 */
final class ScriptedTerminal implements CliTerminal {

    private final byte[] input;
    private final boolean interactive;
    private final Deque<String> answers;
    private final List<String> prompts = new ArrayList<>();

    private ScriptedTerminal(byte[] input, boolean interactive, List<String> answers) {
        this.input = input;
        this.interactive = interactive;
        this.answers = new ArrayDeque<>(answers);
    }

    /** Returns a process without a terminal whose standard input is {@code text} in UTF-8. */
    static ScriptedTerminal standardInput(String text) {
        return standardInput(text.getBytes(StandardCharsets.UTF_8));
    }

    static ScriptedTerminal standardInput(byte[] bytes) {
        return new ScriptedTerminal(bytes.clone(), false, List.of());
    }

    /** Returns a terminal that answers its prompts with {@code answers} in order, then with the end of input. */
    static ScriptedTerminal answering(String... answers) {
        return new ScriptedTerminal(new byte[0], true, List.of(answers));
    }

    /** Returns the prompts shown so far, in order. */
    synchronized List<String> prompts() {
        return List.copyOf(prompts);
    }

    @Override
    public InputStream standardInput() {
        return new ByteArrayInputStream(input);
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public synchronized Optional<char[]> readPassword(String prompt) {
        prompts.add(prompt);
        if (!interactive || answers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(answers.removeFirst().toCharArray());
    }
}
