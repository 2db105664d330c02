package dev.httpauth.app.cli;

import dev.httpauth.domain.model.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code httpauth secrets get NAME}: shows a secret of the vault, masked unless asked. */
@Command(
        name = "get",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Prints the secret NAME of the vault as 'NAME: ****' followed by its fingerprint (the first 8 hex digits"
                        + " of its SHA-256), which tells two values apart without showing either.",
                "With --reveal, prints the value itself and nothing else, followed by a line break."},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:The secret was printed.",
                ExitCode.VAULT_FAILED + ", no secret of that name, or a failed read.",
                ExitCode.VAULT_USAGE + ", an invalid name."})
final class SecretsGetCommand implements Callable<Integer> {

    @ParentCommand
    private SecretsCommand secrets;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VaultOptions vaultOptions;

    @Parameters(paramLabel = "NAME", description = "Name of the secret, as in the ref vault:NAME.")
    private String name;

    @Option(names = "--reveal", description = "Print the value in full instead of masked. It ends up on your screen and in any log of it.")
    private boolean reveal;

    @Override
    public Integer call() {
        return secrets.vault(vaultOptions).open(false)
                .flatMap(vault -> SecretsCommand.checkName(vault, name))
                .flatMap(vault -> vault.get(name).mapLeft(VaultOpener::failure))
                .fold(secrets::fail, this::print);
    }

    private int print(Secret value) {
        return SecretsCommand.print(spec, reveal ? value.reveal() : name + ": " + CredentialLines.masked(value));
    }
}
