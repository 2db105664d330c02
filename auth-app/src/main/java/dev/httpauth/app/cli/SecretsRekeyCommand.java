package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.vault.VaultFile;
import dev.httpauth.app.cli.CliSecretStores.Setting;
import io.vavr.control.Either;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code httpauth secrets rekey}: re-encrypts the vault under a new passphrase or key file. */
@Command(
        name = "rekey",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Re-encrypts the vault under a new key, with a new salt, in one atomic write: afterwards only the new"
                        + " passphrase or key file opens it. The vault is opened with the current key first.",
                "The new key is --new-key-file FILE or the content of --new-passphrase-file FILE; without either, on a"
                        + " terminal, httpauth asks for a new passphrase twice.",
                "Processes that resolve vault: refs read the rekeyed file on their next request and need the new key then."},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:The vault was re-encrypted under the new key.",
                ExitCode.VAULT_FAILED + ", or a failed read or write.",
                ExitCode.VAULT_USAGE + ", both --new-passphrase-file and --new-key-file, no new key given off a terminal,"
                        + " a new key file or passphrase file that cannot be used."})
final class SecretsRekeyCommand implements Callable<Integer> {

    @ParentCommand
    private SecretsCommand secrets;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VaultOptions vaultOptions;

    @Option(
            names = "--new-passphrase-file",
            paramLabel = "FILE",
            description = "File (mode 0600) whose content, without one trailing line break, becomes the new passphrase.")
    private Path newPassphraseFile;

    @Option(names = "--new-key-file", paramLabel = "FILE", description = "Key file (32 random bytes, mode 0600) that becomes the new key.")
    private Path newKeyFile;

    @Override
    public Integer call() {
        if (newPassphraseFile != null && newKeyFile != null) {
            return secrets.fail(CommandFailure.usage("Both --new-passphrase-file and --new-key-file were given: a vault has one key,"
                    + " so give only one of them"));
        }
        VaultOpener opener = secrets.vault(vaultOptions);
        Either<CommandFailure, VaultFile> vault = opener.open(false);
        if (vault.isLeft()) {
            return secrets.fail(vault.getLeft());
        }
        Either<CommandFailure, EnteredKey> newKey = newKey(opener, vault.get().path());
        if (newKey.isLeft()) {
            return secrets.fail(newKey.getLeft());
        }

        try (EnteredKey key = newKey.get()) {
            return vault.get().rekey(key.key())
                    .mapLeft(VaultOpener::failure)
                    .fold(secrets::fail, rekeyed -> SecretsCommand.print(spec,
                            "Rekeyed vault " + rekeyed.path() + ": from now on it opens only with " + newKeyDescription()));
        }
    }

    private Either<CommandFailure, EnteredKey> newKey(VaultOpener opener, Path vault) {
        if (newKeyFile != null) {
            return Either.right(EnteredKey.keyFile(secrets.resolve(newKeyFile)));
        }
        if (newPassphraseFile != null) {
            return opener.passphraseFromFile(new Setting<>(secrets.resolve(newPassphraseFile), "--new-passphrase-file"));
        }
        if (secrets.terminal().interactive()) {
            return opener.askNewPassphrase(vault);
        }
        return Either.left(CommandFailure.usage("No new key was given: pass --new-passphrase-file FILE or --new-key-file FILE,"
                + " or run httpauth on a terminal to be asked for a new passphrase"));
    }

    private String newKeyDescription() {
        return newKeyFile != null ? "key file " + secrets.resolve(newKeyFile) : "the new passphrase";
    }
}
