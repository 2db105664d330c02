package dev.httpauth.adapters.store.vault;

import io.vavr.control.Either;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The keys derived from a {@link VaultKey} for one salt and one key derivation.
 *
 * <p>The derivation yields a 32-byte root key, which is never stored. Two keys are expanded from
 * it with HKDF-SHA256 (RFC 5869 §2.3, one block each) under fixed labels: the AES-256-GCM key
 * and the key check that the header stores. A wrong key then fails at the key check, before
 * decryption, and a payload that fails GCM authentication with a passing key check is damaged.
 */
final class KeyMaterial {

    static final int KEY_FILE_LENGTH = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_READ_WRITE = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);

    private static final byte[] ENCRYPTION_LABEL = "httpauth-vault v1 encryption key".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] KEY_CHECK_LABEL = "httpauth-vault v1 key check".getBytes(StandardCharsets.US_ASCII);

    private final KeyDerivation derivation;

    private final byte[] salt;

    private final byte[] encryptionKey;

    private final byte[] keyCheck;

    private final Optional<Path> keyFile;

    private KeyMaterial(KeyDerivation derivation, byte[] salt, byte[] encryptionKey, byte[] keyCheck, Optional<Path> keyFile) {
        this.derivation = derivation;
        this.salt = salt;
        this.encryptionKey = encryptionKey;
        this.keyCheck = keyCheck;
        this.keyFile = keyFile;
    }

    /** Derives keys for a new file or a rekey: a fresh random salt and the settings of {@code key}. */
    static Either<VaultError, KeyMaterial> forNewFile(Path vaultFile, VaultKey key) {
        byte[] salt = new byte[VaultHeader.SALT_LENGTH];
        RANDOM.nextBytes(salt);
        KeyDerivation derivation = switch (key) {
            case VaultKey.Passphrase passphrase -> new KeyDerivation.Argon2id(passphrase.settings());
            case VaultKey.KeyFile keyFile -> new KeyDerivation.KeyFileHkdf();
        };
        return derive(vaultFile, key, derivation, salt);
    }

    /** Derives keys for the derivation and salt recorded in {@code header}. */
    static Either<VaultError, KeyMaterial> forHeader(Path vaultFile, VaultKey key, VaultHeader header) {
        return derive(vaultFile, key, header.derivation(), header.salt());
    }

    private static Either<VaultError, KeyMaterial> derive(Path vaultFile, VaultKey key, KeyDerivation derivation, byte[] salt) {
        return switch (key) {
            case VaultKey.Passphrase passphrase -> switch (derivation) {
                case KeyDerivation.Argon2id argon2id -> Either.right(expand(
                        derivation, salt, argon2id(passphrase.chars(), argon2id.settings(), salt), Optional.empty()));
                case KeyDerivation.KeyFileHkdf keyFileHkdf -> Either.left(new VaultError.KeyKindMismatch(
                        vaultFile, VaultError.KeyKind.KEY_FILE, VaultError.KeyKind.PASSPHRASE));
            };
            case VaultKey.KeyFile keyFile -> switch (derivation) {
                case KeyDerivation.Argon2id argon2id -> Either.left(new VaultError.KeyKindMismatch(
                        vaultFile, VaultError.KeyKind.PASSPHRASE, VaultError.KeyKind.KEY_FILE));
                case KeyDerivation.KeyFileHkdf keyFileHkdf -> readKeyFile(vaultFile, keyFile.path())
                        .map(keyBytes -> expand(derivation, salt, extract(salt, keyBytes), Optional.of(keyFile.path())));
            };
        };
    }

    /** Tells whether these keys were derived for the derivation and salt in {@code header}. */
    boolean derivedFor(VaultHeader header) {
        return derivation.equals(header.derivation()) && MessageDigest.isEqual(salt, header.salt());
    }

    /** Tells whether the key check in {@code header} is the one these keys produce. */
    boolean matchesKeyCheck(VaultHeader header) {
        return MessageDigest.isEqual(keyCheck, header.keyCheck());
    }

    KeyDerivation derivation() {
        return derivation;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] keyCheck() {
        return keyCheck.clone();
    }

    SecretKeySpec encryptionKey() {
        return new SecretKeySpec(encryptionKey, "AES");
    }

    /** Returns the key file these keys came from, or empty for a passphrase. */
    Optional<Path> keyFile() {
        return keyFile;
    }

    /** Overwrites the derived keys; an object cleared this way fails every key check. */
    void clear() {
        Arrays.fill(encryptionKey, (byte) 0);
        Arrays.fill(keyCheck, (byte) 0);
    }

    @Override
    public String toString() {
        return "KeyMaterial[" + derivation + ", redacted]";
    }

    private static byte[] argon2id(char[] passphrase, Argon2Settings settings, byte[] salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(settings.memoryKiB())
                .withIterations(settings.iterations())
                .withParallelism(settings.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);

        byte[] passphraseBytes = utf8(passphrase);
        byte[] rootKey = new byte[32];
        try {
            generator.generateBytes(passphraseBytes, rootKey);
            return rootKey;
        } finally {
            Arrays.fill(passphraseBytes, (byte) 0);
            parameters.clear();
        }
    }

    /**
     * Encodes {@code chars} as UTF-8 into an array that the caller can clear; a {@code String}
     * would leave a copy on the heap that nothing can overwrite.
     */
    private static byte[] utf8(char[] chars) {
        // An unpaired surrogate becomes '?', as String.getBytes would encode it.
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer buffer;
        try {
            buffer = encoder.encode(CharBuffer.wrap(chars));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("A replacing UTF-8 encoder cannot fail", e);
        }
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.arrayOffset(), buffer.arrayOffset() + buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    private static Either<VaultError, byte[]> readKeyFile(Path vaultFile, Path keyFile) {
        try {
            long size = Files.size(keyFile);
            if (size != KEY_FILE_LENGTH) {
                return Either.left(new VaultError.InvalidKeyFile(vaultFile, keyFile, "it has " + size
                        + " bytes, but a vault key file must contain exactly " + KEY_FILE_LENGTH + " random bytes"));
            }
            Optional<String> permissionProblem = permissionProblem(keyFile);
            if (permissionProblem.isPresent()) {
                return Either.left(new VaultError.InvalidKeyFile(vaultFile, keyFile, permissionProblem.get()));
            }
            byte[] bytes = Files.readAllBytes(keyFile);
            if (bytes.length != KEY_FILE_LENGTH) {
                Arrays.fill(bytes, (byte) 0);
                return Either.left(new VaultError.InvalidKeyFile(vaultFile, keyFile, "its size changed while it was read"));
            }
            return Either.right(bytes);
        } catch (NoSuchFileException e) {
            return Either.left(new VaultError.InvalidKeyFile(vaultFile, keyFile, "it does not exist"));
        } catch (IOException e) {
            return Either.left(new VaultError.InvalidKeyFile(vaultFile, keyFile, "reading it failed: " + AtomicFiles.describe(e)));
        }
    }

    /**
     * Rejects a key file that its group or others may read or write, because any other account on
     * the machine could then decrypt the vault. File systems without POSIX permissions pass.
     */
    private static Optional<String> permissionProblem(Path keyFile) throws IOException {
        if (!AtomicFiles.supportsPosix(keyFile)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(keyFile);
        Set<PosixFilePermission> tooOpen = EnumSet.noneOf(PosixFilePermission.class);
        tooOpen.addAll(permissions);
        tooOpen.retainAll(GROUP_OR_OTHERS_READ_WRITE);
        if (tooOpen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("its group or others may read or write it (permissions " + PosixFilePermissions.toString(permissions)
                + "); run chmod 600 " + keyFile + " so that only its owner can read it");
    }

    /** HKDF-Extract with the salt as the HMAC key; clears {@code keyBytes}. */
    private static byte[] extract(byte[] salt, byte[] keyBytes) {
        try {
            return hmac(salt, keyBytes);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }

    /** Expands the two working keys from {@code rootKey} and clears it. */
    private static KeyMaterial expand(KeyDerivation derivation, byte[] salt, byte[] rootKey, Optional<Path> keyFile) {
        try {
            byte[] encryptionKey = hmac(rootKey, withCounter(ENCRYPTION_LABEL));
            byte[] keyCheck = hmac(rootKey, withCounter(KEY_CHECK_LABEL));
            return new KeyMaterial(derivation, salt.clone(), encryptionKey, keyCheck, keyFile);
        } finally {
            Arrays.fill(rootKey, (byte) 0);
        }
    }

    /** Appends the block counter 0x01 that the first HKDF-Expand block uses. */
    private static byte[] withCounter(byte[] label) {
        byte[] info = Arrays.copyOf(label, label.length + 1);
        info[label.length] = 1;
        return info;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must support HmacSHA256", e);
        }
    }
}
