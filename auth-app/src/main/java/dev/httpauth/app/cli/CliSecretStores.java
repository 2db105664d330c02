package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.EnvSecretStore;
import dev.httpauth.adapters.store.FileSecretStore;
import dev.httpauth.adapters.store.vault.Pkcs12SecretStore;
import dev.httpauth.adapters.store.vault.VaultSecretStore;
import dev.httpauth.app.HttpAuthModule;
import dev.httpauth.app.KeyUnavailableException;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;
import io.vavr.control.Validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the secret store options and environment variables into stores: where the vault and the
 * PKCS#12 keystore are, and where their keys come from.
 *
 * <p>An option beats its environment variable. The vault key comes from a key file, else a
 * passphrase file, else a prompt on the terminal. A key file and a passphrase file given at the
 * same level, as two options or as two variables, are a usage error. A store that is not
 * configured, or whose file or key file does not exist, still accepts its refs, and each fails with
 * a reason that names the option that configures it.
 */
final class CliSecretStores {

    static final String VAULT_VARIABLE = "HTTPAUTH_VAULT";
    static final String VAULT_KEY_FILE_VARIABLE = "HTTPAUTH_VAULT_KEY_FILE";
    static final String VAULT_PASSPHRASE_FILE_VARIABLE = "HTTPAUTH_VAULT_PASSPHRASE_FILE";
    static final String PKCS12_VARIABLE = "HTTPAUTH_PKCS12";
    static final String PKCS12_PASSWORD_REF_VARIABLE = "HTTPAUTH_PKCS12_PASSWORD_REF";

    private static final Set<String> PASSWORD_REF_SCHEMES = Set.of("env", "file");

    /**
     * A configured value and where it was given.
     *
     * @param origin the option, such as {@code --vault}, or the variable, such as {@code $HTTPAUTH_VAULT}
     */
    record Setting<T>(T value, String origin) {
    }

    /** The source of the key that unlocks the vault. */
    sealed interface VaultKeySource {

        /** A file of 32 random bytes. */
        record KeyFile(Setting<Path> file) implements VaultKeySource {
        }

        /** A file that contains the passphrase. */
        record PassphraseFile(Setting<Path> file) implements VaultKeySource {
        }

        /** The person at the terminal, asked without echo. */
        record Prompt() implements VaultKeySource {
        }

        /** Nothing: no file is configured and no terminal is attached. */
        record Missing() implements VaultKeySource {
        }
    }

    private final SecretStoreOptions options;
    private final CliEnvironment environment;
    private final CliTerminal terminal;
    private final EnvSecretStore environmentSecrets;
    private final FileSecretStore fileSecrets = new FileSecretStore();

    CliSecretStores(SecretStoreOptions options, CliEnvironment environment, CliTerminal terminal) {
        this.options = options;
        this.environment = environment;
        this.terminal = terminal;
        this.environmentSecrets = new EnvSecretStore(environment.variables());
    }

    /** Returns the absolute path of the vault file, if one is configured. */
    Optional<Setting<Path>> vaultFile() {
        return path(options.vault.file, "--vault", VAULT_VARIABLE);
    }

    /** Returns where the vault key comes from, or a usage failure when the settings contradict each other. */
    Either<CommandFailure, VaultKeySource> vaultKeySource() {
        if (options.vault.keyFile != null && options.vault.passphraseFile != null) {
            return Either.left(CommandFailure.usage("Both --vault-key-file and --vault-passphrase-file were given: a vault opens with"
                    + " either a key file or a passphrase, so give only the one it was created with"));
        }
        if (options.vault.keyFile != null) {
            return Either.right(new VaultKeySource.KeyFile(new Setting<>(environment.resolve(options.vault.keyFile), "--vault-key-file")));
        }
        if (options.vault.passphraseFile != null) {
            return Either.right(new VaultKeySource.PassphraseFile(
                    new Setting<>(environment.resolve(options.vault.passphraseFile), "--vault-passphrase-file")));
        }

        Optional<Setting<Path>> keyFile = variablePath(VAULT_KEY_FILE_VARIABLE);
        Optional<Setting<Path>> passphraseFile = variablePath(VAULT_PASSPHRASE_FILE_VARIABLE);
        if (keyFile.isPresent() && passphraseFile.isPresent()) {
            return Either.left(CommandFailure.usage("Both " + VAULT_KEY_FILE_VARIABLE + " and " + VAULT_PASSPHRASE_FILE_VARIABLE
                    + " are set: unset the one the vault was not created with, or pass --vault-key-file or --vault-passphrase-file"));
        }
        if (keyFile.isPresent()) {
            return Either.right(new VaultKeySource.KeyFile(keyFile.get()));
        }
        if (passphraseFile.isPresent()) {
            return Either.right(new VaultKeySource.PassphraseFile(passphraseFile.get()));
        }
        return Either.right(terminal.interactive() ? new VaultKeySource.Prompt() : new VaultKeySource.Missing());
    }

    /** Returns the reason a vault cannot be opened when no key source is available. */
    static String missingKeyReason(Path vaultFile) {
        return "vault file " + vaultFile + " needs a key, but none is configured: pass --vault-key-file FILE or --vault-passphrase-file FILE,"
                + " set " + VAULT_KEY_FILE_VARIABLE + " or " + VAULT_PASSPHRASE_FILE_VARIABLE
                + ", or run httpauth on a terminal to be asked for the passphrase";
    }

    /**
     * Reads the passphrase from {@code file} as {@code file:} refs are read: the file must be
     * 0600, UTF-8 and not empty, and one trailing line break is removed.
     *
     * @return a new array that the caller clears, or the reason the file cannot be used
     */
    Either<String, char[]> readPassphraseFile(Setting<Path> file) {
        return fileSecrets.resolve(new SecretRef("file", file.value().toString()))
                .map(secret -> secret.reveal().toCharArray())
                .mapLeft(error -> "the vault passphrase file " + file.value() + " (from " + file.origin() + ") cannot be used: " + reason(error));
    }

    /**
     * Returns the configuration to apply to each {@link HttpAuthModule} the command line opens:
     * the vault and PKCS#12 stores, or stand-ins whose errors name the option that configures them.
     * A stand-in replaces a store when its file is not configured, when a file it needs does not
     * exist, or when no key or password for it is configured.
     */
    Either<CommandFailure, StoreConfiguration> moduleConfiguration() {
        Either<CommandFailure, StoreConfiguration> vault = vaultConfiguration();
        if (vault.isLeft()) {
            return vault;
        }
        return pkcs12Configuration().map(pkcs12 -> vault.get().andThen(pkcs12));
    }

    private Either<CommandFailure, StoreConfiguration> vaultConfiguration() {
        Optional<Setting<Path>> vaultFile = vaultFile();
        if (vaultFile.isEmpty()) {
            return Either.right(StoreConfiguration.unconfigured(VaultSecretStore.SCHEME,
                    "vault: refs need a vault file, but none is configured: pass --vault FILE or set " + VAULT_VARIABLE + "=FILE"));
        }
        Setting<Path> vault = vaultFile.get();
        return vaultKeySource().map(source -> Files.exists(vault.value())
                ? vaultConfiguration(vault.value(), source)
                : StoreConfiguration.unconfigured(VaultSecretStore.SCHEME, "vault file " + vault.value() + " (from " + vault.origin()
                        + ") does not exist: check the path, or create the vault with 'httpauth secrets set NAME --create'"));
    }

    private StoreConfiguration vaultConfiguration(Path vault, VaultKeySource source) {
        return switch (source) {
            case VaultKeySource.KeyFile keyFile -> missingFile(VaultSecretStore.SCHEME, "key file", keyFile.file())
                    .orElseGet(() -> StoreConfiguration.configured(module -> module.withVaultKeyFile(vault, keyFile.file().value())));
            case VaultKeySource.PassphraseFile passphraseFile -> missingFile(VaultSecretStore.SCHEME, "passphrase file", passphraseFile.file())
                    .orElseGet(() -> StoreConfiguration.configured(module -> module.withVault(vault, () -> readPassphraseFile(passphraseFile.file())
                            .getOrElseThrow(KeyUnavailableException::new))));
            case VaultKeySource.Prompt prompt -> StoreConfiguration.configured(module -> module.withVault(vault, () -> askPassphrase(vault)));
            case VaultKeySource.Missing missing -> StoreConfiguration.unconfigured(VaultSecretStore.SCHEME, missingKeyReason(vault));
        };
    }

    private char[] askPassphrase(Path vault) {
        return terminal.readPassword(passphrasePrompt(vault))
                .orElseThrow(() -> new KeyUnavailableException("no passphrase was entered for vault " + vault));
    }

    /** Returns a stand-in for the store of {@code scheme} if {@code file} does not exist. */
    private static Optional<StoreConfiguration> missingFile(String scheme, String kind, Setting<Path> file) {
        if (Files.exists(file.value())) {
            return Optional.empty();
        }
        return Optional.of(StoreConfiguration.unconfigured(scheme,
                kind + " " + file.value() + " (from " + file.origin() + ") does not exist: check the path"));
    }

    /** Returns the prompt for the passphrase of an existing vault. */
    static String passphrasePrompt(Path vault) {
        return "Passphrase for vault " + vault + ": ";
    }

    private Either<CommandFailure, StoreConfiguration> pkcs12Configuration() {
        Optional<Setting<Path>> keyStore = path(options.pkcs12.keyStore, "--pkcs12", PKCS12_VARIABLE);
        if (keyStore.isEmpty()) {
            return Either.right(StoreConfiguration.unconfigured(Pkcs12SecretStore.SCHEME, "pkcs12: refs need a PKCS#12 keystore, but none is"
                    + " configured: pass --pkcs12 FILE and --pkcs12-password-ref REF, or set " + PKCS12_VARIABLE + "=FILE and "
                    + PKCS12_PASSWORD_REF_VARIABLE + "=REF"));
        }
        Optional<StoreConfiguration> missingKeyStore = missingFile(Pkcs12SecretStore.SCHEME, "keystore file", keyStore.get());
        if (missingKeyStore.isPresent()) {
            return Either.right(missingKeyStore.get());
        }
        Path file = keyStore.get().value();
        return passwordRef().map(ref -> ref
                .map(passwordRef -> StoreConfiguration.configured(module -> module.withPkcs12(file, () -> keyStorePassword(file, passwordRef))))
                .orElseGet(() -> StoreConfiguration.unconfigured(Pkcs12SecretStore.SCHEME, "keystore " + file + " needs its password: pass"
                        + " --pkcs12-password-ref env:NAME or --pkcs12-password-ref file:/absolute/path, or set "
                        + PKCS12_PASSWORD_REF_VARIABLE)));
    }

    /** Parses the password ref, which is empty when neither the option nor the variable is set. */
    private Either<CommandFailure, Optional<SecretRef>> passwordRef() {
        Optional<Setting<String>> text = text(options.pkcs12.passwordRef, "--pkcs12-password-ref", PKCS12_PASSWORD_REF_VARIABLE);
        if (text.isEmpty()) {
            return Either.right(Optional.empty());
        }
        // The parse message never repeats the text, which may be a password given by mistake.
        Validation<String, SecretRef> parsed = SecretRef.parse(text.get().value());
        if (parsed.isInvalid()) {
            return Either.left(CommandFailure.usage("The keystore password ref (from " + text.get().origin() + ") " + parsed.getError()));
        }
        SecretRef ref = parsed.get();
        if (!PASSWORD_REF_SCHEMES.contains(ref.scheme())) {
            // Not even the scheme is shown, because a password that contains a colon parses as a ref.
            return Either.left(CommandFailure.usage("The keystore password ref (from " + text.get().origin()
                    + ") must be an env:NAME or file:/absolute/path ref, so that the password comes from the environment or a file"));
        }
        return Either.right(Optional.of(ref));
    }

    private char[] keyStorePassword(Path keyStore, SecretRef passwordRef) {
        ResolveSecretPort store = "env".equals(passwordRef.scheme()) ? environmentSecrets : fileSecrets;
        return store.resolve(passwordRef)
                .map(secret -> secret.reveal().toCharArray())
                .getOrElseThrow(error -> new KeyUnavailableException(
                        "the password of keystore " + keyStore + " is unavailable: " + error.message()));
    }

    private Optional<Setting<Path>> path(Path option, String optionName, String variable) {
        if (option != null) {
            return Optional.of(new Setting<>(environment.resolve(option), optionName));
        }
        return variablePath(variable);
    }

    private Optional<Setting<Path>> variablePath(String variable) {
        return variable(variable).map(setting -> new Setting<>(environment.resolve(Path.of(setting.value())), setting.origin()));
    }

    private Optional<Setting<String>> text(String option, String optionName, String variable) {
        return option != null ? Optional.of(new Setting<>(option, optionName)) : variable(variable);
    }

    /** Returns the value of the environment variable, unless it is unset or blank. */
    private Optional<Setting<String>> variable(String name) {
        String value = environment.variables().getOrDefault(name, "");
        return value.isBlank() ? Optional.empty() : Optional.of(new Setting<>(value, "$" + name));
    }

    private static String reason(AuthError error) {
        return error instanceof AuthError.SecretUnavailable unavailable ? unavailable.reason() : error.message();
    }
}
