package dev.httpauth.adapters.store.vault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An expected reason why a vault operation failed. Returned in a Vavr {@code Either}, never
 * thrown.
 *
 * <p>Every {@link #message()} names the vault file and says what to do. No message contains a
 * secret value or a passphrase. An operation that returns an error has left the vault file
 * unchanged, because every write replaces the file in one atomic rename as its last step.
 */
public sealed interface VaultError {

    /** The vault file the operation was about. */
    Path file();

    /** A sentence or two for the person who operates the vault. */
    String message();

    /** The kind of key that unlocks a vault. */
    enum KeyKind {
        PASSPHRASE("a passphrase"),
        KEY_FILE("a key file");

        private final String phrase;

        KeyKind(String phrase) {
            this.phrase = phrase;
        }

        @Override
        public String toString() {
            return phrase;
        }
    }

    /** The vault file does not exist. */
    record NotFound(Path file) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " does not exist. Check the path, or create the vault first.";
        }
    }

    /** {@link VaultFile#create} found a file at the path already. */
    record AlreadyExists(Path file) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " already exists. Open it instead, or choose another path.";
        }
    }

    /** The file does not start with the vault signature. */
    record NotAVault(Path file) implements VaultError {

        @Override
        public String message() {
            return "File " + file + " is not an httpauth vault file: it does not start with the vault signature. "
                    + "Check the path.";
        }
    }

    /** The file has a format version that this code cannot read. */
    record UnsupportedVersion(Path file, int version) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " has format version " + version + ", but this httpauth reads only version "
                    + VaultHeader.VERSION + ". Use the httpauth release that wrote it, or restore the file from a backup "
                    + "if it is damaged.";
        }
    }

    /** The file is shorter than its header says it is. */
    record Truncated(Path file, long actualBytes, long expectedBytes) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " is truncated: it has " + actualBytes + " bytes, but at least "
                    + expectedBytes + " are expected. The file was left unchanged; restore it from a backup.";
        }
    }

    /** The header fails its checksum or contains values that no writer produces. */
    record HeaderCorrupted(Path file, String detail) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " has a corrupted header (" + detail + "). "
                    + "The file was left unchanged; restore it from a backup.";
        }
    }

    /** The file, or the secrets to write, exceed the maximum vault size. */
    record TooLarge(Path file, long bytes, long maxBytes) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " would take " + bytes + " bytes, more than the maximum of " + maxBytes
                    + ". Keep large files out of the vault and store a path or ref to them instead.";
        }
    }

    /** The key does not match the key check in the header: a wrong passphrase or key file. */
    record WrongKey(Path file, Optional<Path> keyFile) implements VaultError {

        @Override
        public String message() {
            String culprit = keyFile.map(path -> "key file " + path + " is not the key of this vault")
                    .orElse("the passphrase is wrong");
            return "Cannot decrypt vault file " + file + ": " + culprit + ". Check the "
                    + keyFile.map(path -> "key file").orElse("passphrase") + " and try again.";
        }
    }

    /** The vault is unlocked by one kind of key and the caller gave the other. */
    record KeyKindMismatch(Path file, KeyKind required, KeyKind supplied) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " is unlocked with " + required + ", but " + supplied + " was given. "
                    + "Use " + required + ".";
        }
    }

    /** The key is right, yet the encrypted secrets fail authentication or do not decode. */
    record PayloadCorrupted(Path file, String detail) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " is corrupted or was tampered with: " + detail + ". "
                    + "The file was left unchanged; restore it from a backup.";
        }
    }

    /** Another process rekeyed the vault after this handle opened it. */
    record KeyChanged(Path file) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " was rekeyed after it was opened here. "
                    + "Open it again with the new passphrase or key file.";
        }
    }

    /** The vault has no secret with this name. */
    record SecretNotFound(Path file, String name) implements VaultError {

        @Override
        public String message() {
            return "Vault file " + file + " has no secret named '" + name + "'. Check the name, or store the secret first.";
        }
    }

    /** A secret name that the vault does not accept. */
    record InvalidName(Path file, String reason) implements VaultError {

        @Override
        public String message() {
            return "Invalid secret name for vault file " + file + ": " + reason + ". Use a name that is not blank, has no "
                    + "control characters and takes at most " + VaultContents.MAX_NAME_BYTES + " bytes in UTF-8.";
        }
    }

    /** The key file cannot be read or has the wrong size. */
    record InvalidKeyFile(Path file, Path keyFile, String reason) implements VaultError {

        @Override
        public String message() {
            return "Key file " + keyFile + " for vault file " + file + " cannot be used: " + reason + ".";
        }
    }

    /** Reading or writing a file failed. */
    record IoFailure(Path file, String action, String detail) implements VaultError {

        @Override
        public String message() {
            return "Cannot " + action + " vault file " + file + ": " + detail + ". Check the path and the permissions of the "
                    + "file and its directory.";
        }
    }
}
