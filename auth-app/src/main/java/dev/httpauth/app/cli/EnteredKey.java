package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.vault.VaultKey;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * A vault key that a command obtained, and the passphrase characters behind it, which
 * {@link #close()} overwrites once the vault call has returned. {@code toString} shows no passphrase.
 */
final class EnteredKey implements AutoCloseable {

    private final VaultKey key;
    private final char[] passphrase;

    private EnteredKey(VaultKey key, char[] passphrase) {
        this.key = key;
        this.passphrase = passphrase;
    }

    /** Wraps {@code passphrase}, which this object clears on {@link #close()}. */
    static EnteredKey passphrase(char[] passphrase) {
        return new EnteredKey(VaultKey.passphrase(passphrase), passphrase);
    }

    static EnteredKey keyFile(Path keyFile) {
        return new EnteredKey(VaultKey.keyFile(keyFile), new char[0]);
    }

    VaultKey key() {
        return key;
    }

    @Override
    public void close() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public String toString() {
        return "EnteredKey[" + key + "]";
    }
}
