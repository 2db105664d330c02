package dev.httpauth.app.cli;

import dev.httpauth.app.HttpAuthModule;
import dev.httpauth.app.demo.DemoSetup;
import dev.httpauth.app.demo.DemoSetup.SecretStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

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
                "With --vault, the secrets go into an encrypted vault file with a key file instead, and the connections"
                        + " file refers to them as vault:NAME.",
                "Needs no connections file."},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:Every outcome was as expected: four connections authorized, one rejected.",
                "1:An outcome was not as expected, or the demo files could not be written into a new temporary directory.",
                "2:Bad usage: an unknown option or argument, or a --dir that cannot be written."})
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

    @Option(
            names = "--vault",
            description = "Store the secrets in a new encrypted vault file (" + DemoSetup.VAULT_FILE_NAME + ", unlocked with the"
                    + " key file " + DemoSetup.VAULT_KEY_FILE_NAME + ", both mode 0600) and refer to them as vault:NAME,"
                    + " instead of one file per secret.")
    private boolean vault;

    @Override
    public Integer call() {
        boolean temporary = directory == null;
        Path target = temporary ? null : root.environment().resolve(directory);
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (temporary) {
                target = Files.createTempDirectory("httpauth-demo-");
            }
            try (DemoSetup setup = DemoSetup.start(target, temporary, vault ? SecretStorage.VAULT : SecretStorage.FILES)) {
                return new DemoScenario(setup, root.openConnections(setup.connectionsFile(), secretStores(setup)), out).run();
            }
        } catch (IOException e) {
            String where = target == null ? "a temporary directory" : target.toString();
            CommandFailure failure = new CommandFailure(
                    temporary ? ExitCode.FAILED : ExitCode.USAGE,
                    "Could not write the demo files into " + where + ": " + describe(e) + (temporary ? "" : ". Choose another --dir"));
            return root.fail(failure);
        } finally {
            out.flush();
        }
    }

    /** Describes {@code e} in the words of the file system, without the exception class. */
    private static String describe(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException exists -> exists.getFile()
                    + (Files.isDirectory(Path.of(exists.getFile())) ? " already exists" : " exists and is not a directory");
            case AccessDeniedException denied -> denied.getFile() + ": permission denied";
            case NoSuchFileException missing -> missing.getFile() + ": no such file or directory";
            case FileSystemException other when other.getReason() != null -> other.getFile() + ": " + other.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    /** Configures the demo's own vault, so that options and variables for another vault do not apply. */
    private static UnaryOperator<HttpAuthModule> secretStores(DemoSetup setup) {
        return switch (setup.storage()) {
            case FILES -> UnaryOperator.identity();
            case VAULT -> module -> module.withVaultKeyFile(setup.vaultFile(), setup.vaultKeyFile());
        };
    }
}
