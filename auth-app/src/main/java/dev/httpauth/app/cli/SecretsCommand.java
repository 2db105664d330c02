package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.vault.VaultFile;
import io.vavr.control.Either;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code httpauth secrets}: the commands that manage the secrets of a vault file. */
@Command(
        name = "secrets",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Manages the secrets of an encrypted vault file, which connections use as vault:NAME refs."
                        + " The file is encrypted with AES-256-GCM under a key derived from a passphrase with Argon2id,"
                        + " or under a key file, and every change replaces it atomically with mode 0600.",
                "The vault is --vault FILE, else $" + CliSecretStores.VAULT_VARIABLE + ". It is unlocked with --vault-key-file"
                        + " or --vault-passphrase-file, else $" + CliSecretStores.VAULT_KEY_FILE_VARIABLE + " or $"
                        + CliSecretStores.VAULT_PASSPHRASE_FILE_VARIABLE + ", else a passphrase prompt when httpauth runs on a terminal.",
                "Secret values come from standard input or a prompt, never from the command line, and only 'get --reveal' prints one."},
        subcommands = {
                SecretsSetCommand.class,
                SecretsGetCommand.class,
                SecretsListCommand.class,
                SecretsRemoveCommand.class,
                SecretsRekeyCommand.class},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:Success.",
                ExitCode.VAULT_FAILED + ", no secret of that name, or a failed read or write.",
                ExitCode.VAULT_USAGE + ", an invalid name, a value on the command line."})
final class SecretsCommand implements Callable<Integer> {

    @ParentCommand
    private HttpAuthCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VaultOptions vaultOptions;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of set, get, list, rm, rekey");
    }

    /** Returns the opener for the vault that {@code commandOptions}, these options, the global ones and the environment configure. */
    VaultOpener vault(VaultOptions commandOptions) {
        return new VaultOpener(root.vaultStores(commandOptions.orElse(vaultOptions)), root.terminal());
    }

    /**
     * Returns {@code vault} when {@code name} follows the rule of {@link SecretNames} or the vault
     * already contains a secret of that name, and the usage failure for the name otherwise.
     */
    static Either<CommandFailure, VaultFile> checkName(VaultFile vault, String name) {
        if (SecretNames.isValid(name)) {
            return Either.right(vault);
        }
        return vault.names()
                .mapLeft(VaultOpener::failure)
                .flatMap(names -> names.contains(name) ? Either.right(vault) : Either.left(SecretNames.problem(name).orElseThrow()));
    }

    CliTerminal terminal() {
        return root.terminal();
    }

    /** Resolves {@code path} against the working directory, unless it is absolute. */
    Path resolve(Path path) {
        return root.environment().resolve(path);
    }

    /** Prints {@code failure} to stderr and returns its exit code. */
    int fail(CommandFailure failure) {
        return root.fail(failure);
    }

    /** Prints {@code line} to the standard output of {@code command}. */
    static int print(CommandSpec command, String line) {
        PrintWriter out = command.commandLine().getOut();
        out.println(line);
        out.flush();
        return ExitCode.OK;
    }
}
