package dev.httpauth.app.cli;

import picocli.CommandLine.Mixin;

/**
 * The options that configure the vault and PKCS#12 secret stores. The root command and every
 * command that reads connections mix them in, so they may come before or after the command name.
 * A value given after the command name wins.
 */
final class SecretStoreOptions {

    @Mixin
    VaultOptions vault = new VaultOptions();

    @Mixin
    Pkcs12Options pkcs12 = new Pkcs12Options();

    /** Returns options with {@code vault} and no PKCS#12 keystore, for the commands that manage the vault. */
    static SecretStoreOptions vaultOnly(VaultOptions vault) {
        SecretStoreOptions options = new SecretStoreOptions();
        options.vault = vault;
        return options;
    }

    /** Returns a copy in which each option not given here is taken from {@code outer}. */
    SecretStoreOptions orElse(SecretStoreOptions outer) {
        SecretStoreOptions merged = new SecretStoreOptions();
        merged.vault = vault.orElse(outer.vault);
        merged.pkcs12 = pkcs12.orElse(outer.pkcs12);
        return merged;
    }
}
