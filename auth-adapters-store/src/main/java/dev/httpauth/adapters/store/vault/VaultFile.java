package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.model.Secret;
import io.vavr.control.Either;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Function;

/**
 * A file of named secrets, encrypted with AES-256-GCM under a key derived from a passphrase
 * (Argon2id) or read from a key file.
 *
 * <p>A handle keeps the derived key, not the passphrase, and reads the file again for every
 * operation, so it reads the changes of other handles and processes. Each write is a
 * read-modify-write under an exclusive lock on {@code <vault>.lock}, shared by threads and
 * processes, and replaces the file atomically: a crash at any moment leaves either the old or the
 * new file, never a mix. On POSIX file systems the vault file has mode 0600 after every write.
 *
 * <p>Expected failures come back as a {@link VaultError} on the left of the {@code Either}; an
 * operation that fails leaves the file unchanged. Arguments that are null throw
 * {@link NullPointerException}. Instances are thread-safe. {@code toString} shows the path only.
 *
 * <p>The file format is described in {@link VaultHeader}.
 */
public final class VaultFile {

    private final Path file;

    private final KeyMaterial key;

    private VaultFile(Path file, KeyMaterial key) {
        this.file = file;
        this.key = key;
    }

    /**
     * Creates an empty vault at {@code file}, with a fresh random salt.
     *
     * @return the handle, or {@code AlreadyExists} if something is at that path
     */
    public static Either<VaultError, VaultFile> create(Path file, VaultKey key) {
        Path target = canonical(Objects.requireNonNull(file, "file"));
        Objects.requireNonNull(key, "key");

        if (!Files.isDirectory(target.getParent())) {
            return Either.left(new VaultError.IoFailure(target, "create", "directory " + target.getParent() + " does not exist"));
        }

        return KeyMaterial.forNewFile(target, key).flatMap(material -> underLock(target, "create", () -> {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return Either.left(new VaultError.AlreadyExists(target));
            }
            return write(target, VaultContents.empty(), material).map(written -> new VaultFile(target, material));
        }));
    }

    /**
     * Opens the vault at {@code file}, checks {@code key} and decrypts the whole file once.
     *
     * @return the handle, or the error that names what is wrong with the file or the key
     */
    public static Either<VaultError, VaultFile> open(Path file, VaultKey key) {
        Path target = canonical(Objects.requireNonNull(file, "file"));
        Objects.requireNonNull(key, "key");

        return AtomicFiles.read(target, VaultHeader.MAX_FILE_LENGTH).flatMap(bytes -> VaultHeader.parse(target, bytes)
                .flatMap(header -> KeyMaterial.forHeader(target, key, header)
                        .flatMap(material -> VaultCrypto.unseal(target, bytes, header, material)
                                .map(contents -> new VaultFile(target, material)))));
    }

    /** Returns the absolute path of the vault file, with symbolic links resolved if it existed when opened. */
    public Path path() {
        return file;
    }

    /** Returns the Argon2id settings of the key this handle uses, or empty for a key file. */
    public Optional<Argon2Settings> argon2Settings() {
        return switch (key.derivation()) {
            case KeyDerivation.Argon2id argon2id -> Optional.of(argon2id.settings());
            case KeyDerivation.KeyFileHkdf keyFile -> Optional.empty();
        };
    }

    /**
     * Reads the secret named {@code name} from the file as it is now.
     *
     * @return the secret, or {@code SecretNotFound}, or the error that prevented reading
     */
    public Either<VaultError, Secret> get(String name) {
        return checkName(name).flatMap(valid -> load()).flatMap(contents -> contents.get(name)
                .<Either<VaultError, Secret>>map(Either::right)
                .orElseGet(() -> Either.left(new VaultError.SecretNotFound(file, name))));
    }

    /** Reads the names of all secrets in the file as it is now, in ascending order. */
    public Either<VaultError, SortedSet<String>> names() {
        return load().map(VaultContents::names);
    }

    /** Stores {@code value} under {@code name}, replacing any earlier value. */
    public Either<VaultError, VaultFile> set(String name, Secret value) {
        Objects.requireNonNull(value, "value");
        return setAll(Map.of(name, value));
    }

    /** Stores all {@code secrets} in one atomic write, replacing earlier values of the same names. */
    public Either<VaultError, VaultFile> setAll(Map<String, Secret> secrets) {
        Map<String, Secret> changes = Map.copyOf(secrets);
        for (String name : changes.keySet()) {
            Optional<String> problem = VaultContents.nameProblem(name);
            if (problem.isPresent()) {
                return Either.left(new VaultError.InvalidName(file, problem.get()));
            }
        }
        return update("write", contents -> Either.right(contents.with(changes)));
    }

    /**
     * Removes the secret named {@code name}.
     *
     * @return this handle, or {@code SecretNotFound} if the vault has no such secret
     */
    public Either<VaultError, VaultFile> remove(String name) {
        return checkName(name).flatMap(valid -> update("write", contents -> contents.get(name).isPresent()
                ? Either.right(contents.without(name))
                : Either.left(new VaultError.SecretNotFound(file, name))));
    }

    /**
     * Re-encrypts the vault under {@code newKey}, with a fresh salt, in one atomic write. The
     * passphrase or key file of this handle stops working, and this handle fails with
     * {@code KeyChanged} from then on.
     *
     * @return a handle that uses the new key
     */
    public Either<VaultError, VaultFile> rekey(VaultKey newKey) {
        Objects.requireNonNull(newKey, "newKey");
        return KeyMaterial.forNewFile(file, newKey).flatMap(material -> underLock(file, "rekey", () -> {
            Either<VaultError, VaultContents> contents = load();
            if (contents.isLeft()) {
                return Either.left(contents.getLeft());
            }
            return write(file, contents.get(), material).map(written -> new VaultFile(file, material));
        }));
    }

    @Override
    public String toString() {
        return "VaultFile[" + file + "]";
    }

    /** Reads and decrypts the file as it is now, with the key this handle derived. */
    Either<VaultError, VaultContents> load() {
        return AtomicFiles.read(file, VaultHeader.MAX_FILE_LENGTH).flatMap(bytes -> VaultHeader.parse(file, bytes)
                .flatMap(header -> key.derivedFor(header)
                        ? VaultCrypto.unseal(file, bytes, header, key)
                        : Either.left(new VaultError.KeyChanged(file))));
    }

    /** Applies {@code change} to the file as it is now, under the lock, and writes the result. */
    private Either<VaultError, VaultFile> update(String action, Function<VaultContents, Either<VaultError, VaultContents>> change) {
        return underLock(file, action, () -> {
            Either<VaultError, VaultContents> changed = load().flatMap(change);
            if (changed.isLeft()) {
                return Either.left(changed.getLeft());
            }
            return write(file, changed.get(), key).map(written -> this);
        });
    }

    private Either<VaultError, String> checkName(String name) {
        return VaultContents.nameProblem(Objects.requireNonNull(name, "name"))
                .<Either<VaultError, String>>map(problem -> Either.left(new VaultError.InvalidName(file, problem)))
                .orElseGet(() -> Either.right(name));
    }

    /** Encrypts {@code contents} and replaces the file; the caller holds the lock. */
    private static Either<VaultError, Path> write(Path target, VaultContents contents, KeyMaterial material) throws IOException {
        Either<VaultError, byte[]> sealed = VaultCrypto.seal(target, contents, material);
        if (sealed.isLeft()) {
            return Either.left(sealed.getLeft());
        }
        AtomicFiles.deleteAbandonedTemporaryFiles(target);
        AtomicFiles.replace(target, sealed.get());
        return Either.right(target);
    }

    @SuppressWarnings("try") // The lock is held for the duration of the block and never referenced.
    private static <T> Either<VaultError, T> underLock(Path target, String action, LockedAction<T> body) {
        try (VaultLock lock = VaultLock.acquire(target)) {
            return body.run();
        } catch (IOException e) {
            return Either.left(new VaultError.IoFailure(target, action, AtomicFiles.describe(e)));
        }
    }

    /**
     * Returns the absolute path that writes replace: the target of a symbolic link, because
     * renaming over the link would replace the link itself.
     */
    private static Path canonical(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        } catch (IOException e) {
            return absolute;
        }
    }

    /** A step that runs while the vault lock is held. */
    @FunctionalInterface
    private interface LockedAction<T> {
        Either<VaultError, T> run() throws IOException;
    }
}
