package dev.httpauth.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.SortedSet;
import java.util.concurrent.Callable;

/** {@code httpauth secrets list}: prints the names of the secrets in the vault. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints the names of the secrets in the vault, one per line in ascending order, and never their values."
                + " An empty vault prints nothing.",
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:The names were printed.",
                ExitCode.VAULT_FAILED + ", or a failed read.",
                ExitCode.VAULT_USAGE + "."})
final class SecretsListCommand implements Callable<Integer> {

    @ParentCommand
    private SecretsCommand secrets;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VaultOptions vaultOptions;

    @Override
    public Integer call() {
        return secrets.vault(vaultOptions).open(false)
                .flatMap(vault -> vault.names().mapLeft(VaultOpener::failure))
                .fold(secrets::fail, this::print);
    }

    private int print(SortedSet<String> names) {
        PrintWriter out = spec.commandLine().getOut();
        names.forEach(out::println);
        out.flush();
        return ExitCode.OK;
    }
}
