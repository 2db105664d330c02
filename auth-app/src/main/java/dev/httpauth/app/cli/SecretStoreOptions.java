package dev.httpauth.app.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options that configure the vault and PKCS#12 secret stores. The root command and every
 * command that reads secrets mix them in, so they may come before or after the command name.
 * A value given after the command name wins.
 */
final class SecretStoreOptions {

    @Option(
            names = "--vault",
            paramLabel = "FILE",
            description = "Encrypted vault file that vault:NAME refs and the secrets commands use. Default: $"
                    + CliSecretStores.VAULT_VARIABLE + ".")
    Path vault;

    @Option(
            names = "--vault-key-file",
            paramLabel = "FILE",
            description = "Key file (32 random bytes, mode 0600) that unlocks the vault instead of a passphrase. Default: $"
                    + CliSecretStores.VAULT_KEY_FILE_VARIABLE + ".")
    Path vaultKeyFile;

    @Option(
            names = "--vault-passphrase-file",
            paramLabel = "FILE",
            description = "File (mode 0600) whose content, without one trailing line break, is the vault passphrase. Default: $"
                    + CliSecretStores.VAULT_PASSPHRASE_FILE_VARIABLE + ". Without a key file or passphrase file, httpauth asks"
                    + " for the passphrase when it runs on a terminal.")
    Path vaultPassphraseFile;

    @Option(
            names = "--pkcs12",
            paramLabel = "FILE",
            description = "PKCS#12 keystore whose secret key entries pkcs12:ALIAS refs read. Default: $"
                    + CliSecretStores.PKCS12_VARIABLE + ".")
    Path pkcs12;

    @Option(
            names = "--pkcs12-password-ref",
            paramLabel = "REF",
            description = "Where the keystore password is stored: env:NAME or file:/absolute/path. Default: $"
                    + CliSecretStores.PKCS12_PASSWORD_REF_VARIABLE + ".")
    String pkcs12PasswordRef;

    /** Returns a copy in which each option not given here is taken from {@code outer}. */
    SecretStoreOptions orElse(SecretStoreOptions outer) {
        SecretStoreOptions merged = new SecretStoreOptions();
        merged.vault = vault != null ? vault : outer.vault;
        merged.vaultKeyFile = vaultKeyFile != null ? vaultKeyFile : outer.vaultKeyFile;
        merged.vaultPassphraseFile = vaultPassphraseFile != null ? vaultPassphraseFile : outer.vaultPassphraseFile;
        merged.pkcs12 = pkcs12 != null ? pkcs12 : outer.pkcs12;
        merged.pkcs12PasswordRef = pkcs12PasswordRef != null ? pkcs12PasswordRef : outer.pkcs12PasswordRef;
        return merged;
    }
}
