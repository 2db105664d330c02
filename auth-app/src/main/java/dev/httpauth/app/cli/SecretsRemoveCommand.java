package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.vault.VaultFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code httpauth secrets rm NAME}: removes a secret from the vault. */
@Command(
        name = "rm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Removes the secret NAME from the vault.",
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:The secret was removed.",
                ExitCode.VAULT_FAILED + ", no secret of that name, or a failed read or write.",
                ExitCode.VAULT_USAGE + ", an invalid name."})
final class SecretsRemoveCommand implements Callable<Integer> {

    @ParentCommand
    private SecretsCommand secrets;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VaultOptions vaultOptions;

    @Parameters(paramLabel = "NAME", description = "Name of the secret to remove.")
    private String name;

    @Override
    public Integer call() {
        return secrets.vault(vaultOptions).open(false)
                .flatMap(vault -> SecretsCommand.checkName(vault, name))
                .flatMap(vault -> vault.remove(name).mapLeft(VaultOpener::failure))
                .fold(secrets::fail, this::printRemoved);
    }

    private int printRemoved(VaultFile vault) {
        return SecretsCommand.print(spec, "Removed secret '" + name + "' from vault " + vault.path());
    }
}
