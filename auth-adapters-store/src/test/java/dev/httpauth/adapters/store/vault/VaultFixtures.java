package dev.httpauth.adapters.store.vault;

import io.vavr.control.Either;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/** Keys and vaults for tests. */
final class VaultFixtures {

    /**
     * Argon2id settings far below the defaults, so that tests that derive many keys stay fast.
     * Tests of the defaults use {@link VaultKey#passphrase(char[])}.
     */
    static final Argon2Settings CHEAP_ARGON2 = new Argon2Settings(64, 1, 1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultFixtures() {
    }

    static VaultKey cheapPassphrase(String passphrase) {
        return VaultKey.passphrase(passphrase.toCharArray(), CHEAP_ARGON2);
    }

    /** Writes a new key file of 32 random bytes that only its owner may read and write. */
    static Path newKeyFile(Path directory, String name) throws IOException {
        byte[] key = new byte[KeyMaterial.KEY_FILE_LENGTH];
        RANDOM.nextBytes(key);
        Path file = Files.write(directory.resolve(name), key);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** Returns the right value, or fails the test with the vault's message. */
    static <T> T orFail(Either<VaultError, T> result) {
        return result.getOrElseThrow(error -> new AssertionError("Unexpected vault error: " + error.message()));
    }

    /** Returns the error, or fails the test when the operation succeeded. */
    static <T> VaultError errorOf(Either<VaultError, T> result) {
        if (result.isRight()) {
            throw new AssertionError("Expected a vault error, but the operation succeeded");
        }
        return result.getLeft();
    }
}
