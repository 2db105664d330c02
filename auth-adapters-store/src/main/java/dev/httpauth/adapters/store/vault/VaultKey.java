package dev.httpauth.adapters.store.vault;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The secret that unlocks a vault file: a passphrase, stretched with Argon2id, or a key file of exactly 32
 * random bytes.
 *
 * <p>A passphrase key refers to the caller's {@code char[]} without copying it. The vault reads the
 * array while a call to {@link VaultFile#open}, {@link VaultFile#create} or
 * {@link VaultFile#rekey} runs and never clears it, so the caller clears it (for example with
 * {@code Arrays.fill(passphrase, '\0')}) once the call has returned. {@code toString} never shows
 * the passphrase.
 */
public sealed interface VaultKey permits VaultKey.Passphrase, VaultKey.KeyFile {

    /** Returns a key that derives the vault key from {@code passphrase} with {@link Argon2Settings#defaults()}. */
    static VaultKey passphrase(char[] passphrase) {
        return new Passphrase(passphrase, Argon2Settings.defaults());
    }

    /**
     * Returns a key that derives the vault key from {@code passphrase}, with {@code settings} for
     * files that this key creates or rekeys. Files that already exist keep the settings in their
     * header.
     */
    static VaultKey passphrase(char[] passphrase, Argon2Settings settings) {
        return new Passphrase(passphrase, settings);
    }

    /**
     * Returns a key read from {@code keyFile}, which must contain exactly 32 bytes and, on POSIX
     * file systems, must not be readable or writable by its group or others.
     */
    static VaultKey keyFile(Path keyFile) {
        return new KeyFile(keyFile);
    }

    /** A passphrase and the Argon2id settings for new files. */
    final class Passphrase implements VaultKey {

        private final char[] chars;

        private final Argon2Settings settings;

        private Passphrase(char[] chars, Argon2Settings settings) {
            this.chars = Objects.requireNonNull(chars, "passphrase");
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        char[] chars() {
            return chars;
        }

        Argon2Settings settings() {
            return settings;
        }

        @Override
        public String toString() {
            return "VaultKey.Passphrase[redacted, " + settings + "]";
        }
    }

    /** A file that contains the 32-byte key itself. */
    final class KeyFile implements VaultKey {

        private final Path path;

        private KeyFile(Path path) {
            this.path = Objects.requireNonNull(path, "keyFile").toAbsolutePath();
        }

        Path path() {
            return path;
        }

        @Override
        public String toString() {
            return "VaultKey.KeyFile[" + path + "]";
        }
    }
}
