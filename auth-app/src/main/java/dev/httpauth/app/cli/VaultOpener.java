package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.vault.VaultError;
import dev.httpauth.adapters.store.vault.VaultFile;
import dev.httpauth.app.cli.CliSecretStores.Setting;
import dev.httpauth.app.cli.CliSecretStores.VaultKeySource;
import io.vavr.control.Either;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Opens the vault that the {@code secrets} commands work on, with the key that the options,
 * the environment variables or the person at the terminal supply.
 */
final class VaultOpener {

    private final CliSecretStores stores;
    private final CliTerminal terminal;

    VaultOpener(CliSecretStores stores, CliTerminal terminal) {
        this.stores = stores;
        this.terminal = terminal;
    }

    /** Returns the absolute path of the vault file, or a usage failure when none is configured. */
    Either<CommandFailure, Path> vaultPath() {
        return stores.vaultFile()
                .map(Setting::value)
                .<Either<CommandFailure, Path>>map(Either::right)
                .orElseGet(() -> Either.left(CommandFailure.usage("No vault file is configured: pass --vault FILE or set "
                        + CliSecretStores.VAULT_VARIABLE + "=FILE")));
    }

    /**
     * Opens the vault and checks its key.
     *
     * @param createIfMissing whether to create an empty vault, with a new key, when no file exists
     */
    Either<CommandFailure, VaultFile> open(boolean createIfMissing) {
        Either<CommandFailure, Path> path = vaultPath();
        if (path.isLeft()) {
            return Either.left(path.getLeft());
        }
        Path vault = path.get();
        boolean create = createIfMissing && !Files.exists(vault, LinkOption.NOFOLLOW_LINKS);

        Either<CommandFailure, EnteredKey> key = stores.vaultKeySource()
                .flatMap(source -> create ? newKey(vault, source) : existingKey(vault, source));
        if (key.isLeft()) {
            return Either.left(key.getLeft());
        }
        try (EnteredKey entered = key.get()) {
            Either<VaultError, VaultFile> opened = create ? VaultFile.create(vault, entered.key()) : VaultFile.open(vault, entered.key());
            return opened.mapLeft(VaultOpener::failure);
        }
    }

    /** Reads the key of an existing vault from the configured file, or prompts for its passphrase. */
    Either<CommandFailure, EnteredKey> existingKey(Path vault, VaultKeySource source) {
        return switch (source) {
            case VaultKeySource.KeyFile keyFile -> Either.right(EnteredKey.keyFile(keyFile.file().value()));
            case VaultKeySource.PassphraseFile passphraseFile -> passphraseFromFile(passphraseFile.file());
            case VaultKeySource.Prompt prompt -> TerminalPrompts.askOnce(terminal, CliSecretStores.passphrasePrompt(vault), "passphrase")
                    .map(EnteredKey::passphrase);
            case VaultKeySource.Missing missing -> Either.left(CommandFailure.usage(capitalized(CliSecretStores.missingKeyReason(vault))));
        };
    }

    /** Reads the key of a new vault from the configured file, or prompts twice for a new passphrase. */
    private Either<CommandFailure, EnteredKey> newKey(Path vault, VaultKeySource source) {
        return switch (source) {
            case VaultKeySource.KeyFile keyFile -> Either.right(EnteredKey.keyFile(keyFile.file().value()));
            case VaultKeySource.PassphraseFile passphraseFile -> passphraseFromFile(passphraseFile.file());
            case VaultKeySource.Prompt prompt -> askNewPassphrase(vault);
            case VaultKeySource.Missing missing -> Either.left(CommandFailure.usage("Vault file " + vault + " does not exist yet and"
                    + " needs a key to be created: pass --vault-key-file FILE or --vault-passphrase-file FILE, set "
                    + CliSecretStores.VAULT_KEY_FILE_VARIABLE + " or " + CliSecretStores.VAULT_PASSPHRASE_FILE_VARIABLE
                    + ", or run httpauth on a terminal to choose a passphrase"));
        };
    }

    /** Prompts twice for a new passphrase, for a new vault or a rekey. */
    Either<CommandFailure, EnteredKey> askNewPassphrase(Path vault) {
        return TerminalPrompts.askTwice(terminal, "New passphrase for vault " + vault + ": ", "Repeat the new passphrase: ", "passphrase")
                .map(EnteredKey::passphrase);
    }

    /** Reads a passphrase file; a file that cannot be used is a usage failure. */
    Either<CommandFailure, EnteredKey> passphraseFromFile(Setting<Path> file) {
        return stores.readPassphraseFile(file)
                .map(EnteredKey::passphrase)
                .mapLeft(reason -> CommandFailure.usage(capitalized(reason)));
    }

    /**
     * Returns the failure for {@code error}: exit code 2 when the configuration is wrong (no such
     * vault file, a key of the wrong kind, an unusable key file, an invalid name) and 1 when the
     * key is wrong, the file is damaged, a secret is missing or an I/O operation failed.
     */
    static CommandFailure failure(VaultError error) {
        return switch (error) {
            case VaultError.NotFound notFound -> CommandFailure.usage(error.message()
                    + " To create it, run 'httpauth secrets set NAME --create'.");
            case VaultError.AlreadyExists alreadyExists -> CommandFailure.usage(error.message());
            case VaultError.KeyKindMismatch mismatch -> CommandFailure.usage(error.message());
            case VaultError.InvalidKeyFile invalidKeyFile -> CommandFailure.usage(error.message());
            case VaultError.InvalidName invalidName -> CommandFailure.usage(error.message());
            case VaultError.NotAVault notAVault -> CommandFailure.failed(error.message());
            case VaultError.UnsupportedVersion unsupported -> CommandFailure.failed(error.message());
            case VaultError.Truncated truncated -> CommandFailure.failed(error.message());
            case VaultError.HeaderCorrupted headerCorrupted -> CommandFailure.failed(error.message());
            case VaultError.PayloadCorrupted payloadCorrupted -> CommandFailure.failed(error.message());
            case VaultError.TooLarge tooLarge -> CommandFailure.failed(error.message());
            case VaultError.WrongKey wrongKey -> CommandFailure.failed(error.message());
            case VaultError.KeyChanged keyChanged -> CommandFailure.failed(error.message());
            case VaultError.SecretNotFound secretNotFound -> CommandFailure.failed(error.message());
            case VaultError.IoFailure ioFailure -> CommandFailure.failed(error.message());
        };
    }

    private static String capitalized(String reason) {
        return reason.isEmpty() ? reason : Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
    }
}
