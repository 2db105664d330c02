package dev.httpauth.app.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options that configure the vault: its file and the file its key comes from. The root
 * command, the commands that read connections and the {@code secrets} commands mix them in, so
 * they may come before or after the command name. A value given after the command name wins.
 */
final class VaultOptions {

    @Option(
            names = "--vault",
            paramLabel = "FILE",
            description = "Encrypted vault file that vault:NAME refs and the secrets commands use. Default: $"
                    + CliSecretStores.VAULT_VARIABLE + ".")
    Path file;

    @Option(
            names = "--vault-key-file",
            paramLabel = "FILE",
            description = "Key file (32 random bytes, mode 0600) that unlocks the vault instead of a passphrase. Default: $"
                    + CliSecretStores.VAULT_KEY_FILE_VARIABLE + ".")
    Path keyFile;

    @Option(
            names = "--vault-passphrase-file",
            paramLabel = "FILE",
            description = "File (mode 0600) whose content, without one trailing line break, is the vault passphrase. Default: $"
                    + CliSecretStores.VAULT_PASSPHRASE_FILE_VARIABLE + ". Without a key file or passphrase file, httpauth asks"
                    + " for the passphrase when it runs on a terminal.")
    Path passphraseFile;

    /** Returns a copy in which each option not given here is taken from {@code outer}. */
    VaultOptions orElse(VaultOptions outer) {
        VaultOptions merged = new VaultOptions();
        merged.file = file != null ? file : outer.file;
        merged.keyFile = keyFile != null ? keyFile : outer.keyFile;
        merged.passphraseFile = passphraseFile != null ? passphraseFile : outer.passphraseFile;
        return merged;
    }
}
