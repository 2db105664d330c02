package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Resolves {@code vault:NAME} refs to the secret named {@code NAME} in one vault file.
 *
 * <p>The store reads the file when a secret is first needed and keeps the decrypted secrets in
 * memory. Before it serves a secret from memory, it compares the file's modification time, size
 * and file key with those of the copy it read. If any of them changed, because the vault was
 * rotated or edited, it reads the file again. The derived key is kept too, so a reread after an ordinary
 * write costs no key derivation. Only after a rekey, when the file has a new salt, does the store
 * ask for the passphrase again. See {@link FileStamp} for the rare change that goes unnoticed.
 *
 * <p>Every failure becomes {@code SecretUnavailable} with the ref and the vault's message. A
 * failed read never replaces the last good copy, but the store does not serve that copy while
 * the file differs from it. Thread-safe: concurrent calls share one read.
 */
public final class VaultSecretStore implements ResolveSecretPort {

    /** The scheme of the refs this store resolves. */
    public static final String SCHEME = "vault";

    private static final Logger LOG = LoggerFactory.getLogger(VaultSecretStore.class);

    private final Path file;

    private final KeySource keySource;

    private FileStamp loadedStamp;

    private VaultContents loadedContents;

    private KeyMaterial loadedKey;

    /**
     * Creates a store for the vault at {@code vaultFile}, unlocked with a passphrase.
     *
     * @param passphrase called when the store must derive the key: on the first read and after a
     *     rekey. It must return a new array on each call, because the store clears the array once
     *     the key is derived.
     */
    public VaultSecretStore(Path vaultFile, Supplier<char[]> passphrase) {
        this(vaultFile, passphraseSource(Objects.requireNonNull(passphrase, "passphrase")));
    }

    private VaultSecretStore(Path vaultFile, KeySource keySource) {
        this.file = Objects.requireNonNull(vaultFile, "vaultFile").toAbsolutePath().normalize();
        this.keySource = keySource;
    }

    /** Creates a store for the vault at {@code vaultFile}, unlocked with the 32-byte {@code keyFile}. */
    public static VaultSecretStore withKeyFile(Path vaultFile, Path keyFile) {
        VaultKey key = VaultKey.keyFile(Objects.requireNonNull(keyFile, "keyFile"));
        return new VaultSecretStore(vaultFile, (path, header) -> KeyMaterial.forHeader(path, key, header));
    }

    /** Returns the absolute path of the vault file. */
    public Path path() {
        return file;
    }

    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        Objects.requireNonNull(ref, "ref");
        if (!SCHEME.equals(ref.scheme())) {
            return Either.left(new AuthError.SecretUnavailable(ref,
                    "the vault store resolves only " + SCHEME + ": refs, so route " + ref.scheme() + ": refs to their own store"));
        }

        Either<VaultError, Secret> secret = current().flatMap(contents -> contents.get(ref.key())
                .<Either<VaultError, Secret>>map(Either::right)
                .orElseGet(() -> Either.left(new VaultError.SecretNotFound(file, ref.key()))));
        return secret.mapLeft(error -> new AuthError.SecretUnavailable(ref, error.message()));
    }

    @Override
    public String toString() {
        return "VaultSecretStore[" + file + "]";
    }

    /** Returns the secrets the file contains now, read again only if the file changed. */
    private synchronized Either<VaultError, VaultContents> current() {
        FileStamp stamp;
        try {
            stamp = FileStamp.of(file);
        } catch (NoSuchFileException e) {
            return Either.left(new VaultError.NotFound(file));
        } catch (IOException e) {
            return Either.left(new VaultError.IoFailure(file, "read", AtomicFiles.describe(e)));
        }
        if (stamp.equals(loadedStamp)) {
            return Either.right(loadedContents);
        }

        // The stamp is taken before the read, so a write in between makes the next call read again.
        return AtomicFiles.read(file, VaultHeader.MAX_FILE_LENGTH)
                .flatMap(bytes -> VaultHeader.parse(file, bytes)
                        .flatMap(header -> keyFor(header)
                                .flatMap(key -> VaultCrypto.unseal(file, bytes, header, key)
                                        .peek(contents -> remember(stamp, contents, key)))));
    }

    private Either<VaultError, KeyMaterial> keyFor(VaultHeader header) {
        if (loadedKey != null && loadedKey.derivedFor(header)) {
            return Either.right(loadedKey);
        }
        return keySource.derive(file, header);
    }

    private void remember(FileStamp stamp, VaultContents contents, KeyMaterial key) {
        if (loadedKey != null && loadedKey != key) {
            loadedKey.clear();
        }
        loadedStamp = stamp;
        loadedContents = contents;
        loadedKey = key;
        LOG.debug("Read vault file {}: {} secrets", file, contents.size());
    }

    private static KeySource passphraseSource(Supplier<char[]> passphrase) {
        return (path, header) -> {
            char[] chars = Objects.requireNonNull(passphrase.get(), "the passphrase supplier returned null");
            try {
                return KeyMaterial.forHeader(path, VaultKey.passphrase(chars), header);
            } finally {
                Arrays.fill(chars, '\0');
            }
        };
    }

    /** Derives the key for the salt and key derivation of a header. */
    @FunctionalInterface
    private interface KeySource {
        Either<VaultError, KeyMaterial> derive(Path vaultFile, VaultHeader header);
    }
}
