package dev.httpauth.examples.hmac;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.httpauth.app.cli.CliEnvironment;
import dev.httpauth.app.cli.CliModule;
import dev.httpauth.app.cli.HttpAuthCommand;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the {@code httpauth} command line in this JVM, as its main method does, with the given
 * environment variables and Guice overrides. The plugin comes from the test class path, found by
 * {@link java.util.ServiceLoader} like any plugin jar.
 */
final class CommandLineRun {

    /** What one run produced. */
    record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private CommandLineRun() {
    }

    static Result run(Path workingDirectory, Map<String, String> variables, Module[] overrides, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(variables, workingDirectory.toAbsolutePath());
        CommandLine commandLine = HttpAuthCommand.commandLine(Guice.createInjector(new CliModule(environment, overrides)));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));

        int exitCode = commandLine.execute(args);

        return new Result(exitCode, out.toString(), err.toString());
    }
}
