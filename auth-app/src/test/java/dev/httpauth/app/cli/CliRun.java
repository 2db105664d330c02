package dev.httpauth.app.cli;

import com.google.inject.Guice;
import com.google.inject.Module;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the {@code httpauth} command line in this JVM with captured stdout and stderr. */
final class CliRun {

    private final CliEnvironment environment;
    private final CliTerminal terminal;
    private final Module[] overrides;

    private CliRun(CliEnvironment environment, CliTerminal terminal, Module... overrides) {
        this.environment = environment;
        this.terminal = terminal;
        this.overrides = overrides;
    }

    /**
     * Creates a command line whose working directory is {@code workingDirectory}, with no
     * environment variables, no terminal and empty standard input.
     */
    static CliRun in(Path workingDirectory, Module... overrides) {
        return new CliRun(new CliEnvironment(Map.of(), workingDirectory.toAbsolutePath()), ScriptedTerminal.standardInput(""), overrides);
    }

    /** Returns a copy that runs with the environment variables {@code variables}. */
    CliRun withVariables(Map<String, String> variables) {
        return new CliRun(new CliEnvironment(variables, environment.workingDirectory()), terminal, overrides);
    }

    /** Returns a copy without a terminal whose standard input is {@code text}. */
    CliRun withInput(String text) {
        return withTerminal(ScriptedTerminal.standardInput(text));
    }

    /** Returns a copy that uses {@code terminal} for standard input and prompts. */
    CliRun withTerminal(CliTerminal terminal) {
        return new CliRun(environment, terminal, overrides);
    }

    /** Runs {@code args} and returns the exit code and everything written to stdout and stderr. */
    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = HttpAuthCommand.commandLine(Guice.createInjector(new CliModule(environment, terminal, overrides)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute(args);

        return new Result(exitCode, out.toString(), err.toString());
    }

    /** What one run produced. */
    record Result(int exitCode, String out, String err) {

        /** Stdout and stderr together, for checks that apply to both. */
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }
}
