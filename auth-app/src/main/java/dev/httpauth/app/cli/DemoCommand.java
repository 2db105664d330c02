package dev.httpauth.app.cli;

import dev.httpauth.app.demo.DemoSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code httpauth demo}: every auth method against real servers on loopback. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Starts an OAuth 2.0 authorization server and a protected resource on loopback (127.0.0.1, ports chosen"
                        + " by the system), writes a connections file with one connection per auth method and random"
                        + " secrets, then tests each connection and sends one request with it: HTTP Basic, an API key"
                        + " in a header, an API key in the query, and OAuth 2.0 client credentials, plus an OAuth client"
                        + " with a wrong secret that the server must reject.",
                "Exit code 0 when every outcome was as expected, 1 otherwise. Needs no connections file."})
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private HttpAuthCommand root;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Directory to write the connections file and its secret files into, created if missing and kept"
                    + " afterwards as a sample (its servers stop with the demo). Default: a new temporary directory,"
                    + " deleted when the demo ends.")
    private Path directory;

    @Override
    public Integer call() {
        boolean temporary = directory == null;
        Path target = temporary ? null : root.environment().resolve(directory);
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (temporary) {
                target = Files.createTempDirectory("httpauth-demo-");
            }
            try (DemoSetup setup = DemoSetup.start(target, temporary)) {
                return new DemoScenario(setup, root.openConnections(setup.connectionsFile()), out).run();
            }
        } catch (IOException e) {
            String where = target == null ? "a temporary directory" : target.toString();
            CommandFailure failure = new CommandFailure(
                    temporary ? ExitCode.FAILED : ExitCode.USAGE,
                    "Could not write the demo files into " + where + ": " + e + (temporary ? "" : ". Choose another --dir"));
            return root.fail(failure);
        } finally {
            out.flush();
        }
    }
}
