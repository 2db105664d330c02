package dev.httpauth.adapters.store.vault;

import io.vavr.control.Either;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The fixed-size header at the start of a vault file, format version 1.
 *
 * <p>Layout, integers big-endian, offsets in bytes:
 * <pre>
 *   0   8  signature        0x89 'H' 'A' 'V' 'A' 'U' 'L' 'T'
 *   8   2  format version   1
 *  10   1  key derivation   1 = Argon2id (passphrase), 2 = HKDF-SHA256 (key file)
 *  11   4  Argon2id memory in KiB, 0 for a key file
 *  15   4  Argon2id iterations, 0 for a key file
 *  19   4  Argon2id parallelism, 0 for a key file
 *  23  16  salt, random per file and renewed by every rekey
 *  39  32  key check: HMAC-SHA256 of a fixed label under the root key
 *  71  12  AES-GCM nonce, random for every write
 *  83   4  payload length: bytes of ciphertext including the 16-byte GCM tag
 *  87  32  checksum: SHA-256 of bytes 0 to 86
 * 119      payload
 * </pre>
 *
 * <p>The whole header, checksum included, is the GCM associated data, so no header byte can change
 * without the payload failing authentication. The checksum is there to tell damage to the header
 * apart from a wrong key. The key check distinguishes a wrong key from a damaged payload.
 *
 * <p>NOTE: the checksum has no key, so it catches accidental damage only. Someone who edits the
 * header on purpose and recomputes the checksum gets a wrong-key or corrupted-payload error instead
 * of a header error. The file still never decrypts, because GCM authenticates the header.
 */
final class VaultHeader {

    static final int VERSION = 1;

    static final int LENGTH = 119;

    static final int SALT_LENGTH = 16;

    static final int KEY_CHECK_LENGTH = 32;

    static final int NONCE_LENGTH = 12;

    static final int GCM_TAG_LENGTH = 16;

    /** Upper bound for a whole vault file, so that a damaged length cannot exhaust the heap. */
    static final int MAX_FILE_LENGTH = 16 * 1024 * 1024;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'A', 'V', 'A', 'U', 'L', 'T'};

    private static final int CHECKSUMMED_LENGTH = 87;

    private final KeyDerivation derivation;

    private final byte[] salt;

    private final byte[] keyCheck;

    private final byte[] nonce;

    private final int payloadLength;

    private final byte[] encoded;

    private VaultHeader(KeyDerivation derivation, byte[] salt, byte[] keyCheck, byte[] nonce, int payloadLength, byte[] encoded) {
        this.derivation = derivation;
        this.salt = salt;
        this.keyCheck = keyCheck;
        this.nonce = nonce;
        this.payloadLength = payloadLength;
        this.encoded = encoded;
    }

    /** Builds the header of a new write and its encoded bytes, checksum included. */
    static VaultHeader of(KeyDerivation derivation, byte[] salt, byte[] keyCheck, byte[] nonce, int payloadLength) {
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        buffer.put(SIGNATURE);
        buffer.putShort((short) VERSION);
        buffer.put((byte) derivation.id());
        switch (derivation) {
            case KeyDerivation.Argon2id argon2id -> {
                buffer.putInt(argon2id.settings().memoryKiB());
                buffer.putInt(argon2id.settings().iterations());
                buffer.putInt(argon2id.settings().parallelism());
            }
            case KeyDerivation.KeyFileHkdf keyFile -> buffer.putInt(0).putInt(0).putInt(0);
        }
        buffer.put(salt);
        buffer.put(keyCheck);
        buffer.put(nonce);
        buffer.putInt(payloadLength);
        buffer.put(sha256(buffer.array(), CHECKSUMMED_LENGTH));
        return new VaultHeader(derivation, salt.clone(), keyCheck.clone(), nonce.clone(), payloadLength, buffer.array());
    }

    /**
     * Parses and checks the header of the whole file {@code bytes}.
     *
     * <p>The checks run in an order that makes each error as specific as possible: signature,
     * version, length of the header, checksum, field values, and finally the file length that the
     * payload length implies.
     */
    static Either<VaultError, VaultHeader> parse(Path file, byte[] bytes) {
        if (bytes.length < SIGNATURE.length) {
            boolean prefixOfSignature = Arrays.equals(bytes, 0, bytes.length, SIGNATURE, 0, bytes.length);
            return Either.left(prefixOfSignature ? new VaultError.Truncated(file, bytes.length, LENGTH) : new VaultError.NotAVault(file));
        }
        if (!Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return Either.left(new VaultError.NotAVault(file));
        }
        if (bytes.length < SIGNATURE.length + 2) {
            return Either.left(new VaultError.Truncated(file, bytes.length, LENGTH));
        }

        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int version = Short.toUnsignedInt(buffer.getShort(SIGNATURE.length));
        if (version != VERSION) {
            return Either.left(new VaultError.UnsupportedVersion(file, version));
        }
        if (bytes.length < LENGTH) {
            return Either.left(new VaultError.Truncated(file, bytes.length, LENGTH));
        }
        byte[] checksum = Arrays.copyOfRange(bytes, CHECKSUMMED_LENGTH, LENGTH);
        if (!MessageDigest.isEqual(checksum, sha256(bytes, CHECKSUMMED_LENGTH))) {
            return Either.left(new VaultError.HeaderCorrupted(file, "the header checksum does not match"));
        }

        return parseFields(file, buffer).flatMap(header -> checkFileLength(file, bytes.length, header));
    }

    private static Either<VaultError, VaultHeader> parseFields(Path file, ByteBuffer buffer) {
        buffer.position(SIGNATURE.length + 2);
        int derivationId = Byte.toUnsignedInt(buffer.get());
        long memoryKiB = Integer.toUnsignedLong(buffer.getInt());
        long iterations = Integer.toUnsignedLong(buffer.getInt());
        long parallelism = Integer.toUnsignedLong(buffer.getInt());
        byte[] salt = take(buffer, SALT_LENGTH);
        byte[] keyCheck = take(buffer, KEY_CHECK_LENGTH);
        byte[] nonce = take(buffer, NONCE_LENGTH);
        long payloadLength = Integer.toUnsignedLong(buffer.getInt());

        Either<String, KeyDerivation> derivation = switch (derivationId) {
            case KeyDerivation.Argon2id.ID -> Argon2Settings.outOfRange(memoryKiB, iterations, parallelism)
                    .<Either<String, KeyDerivation>>map(Either::left)
                    .orElseGet(() -> Either.right(new KeyDerivation.Argon2id(
                            new Argon2Settings((int) memoryKiB, (int) iterations, (int) parallelism))));
            case KeyDerivation.KeyFileHkdf.ID -> memoryKiB == 0 && iterations == 0 && parallelism == 0
                    ? Either.right(new KeyDerivation.KeyFileHkdf())
                    : Either.left("a key file vault has non-zero Argon2id parameters");
            default -> Either.left("unknown key derivation id " + derivationId);
        };
        if (derivation.isLeft()) {
            return Either.left(new VaultError.HeaderCorrupted(file, derivation.getLeft()));
        }
        if (payloadLength < GCM_TAG_LENGTH || payloadLength > MAX_FILE_LENGTH - LENGTH) {
            return Either.left(new VaultError.HeaderCorrupted(file, "payload length " + payloadLength + " is outside "
                    + GCM_TAG_LENGTH + ".." + (MAX_FILE_LENGTH - LENGTH)));
        }

        byte[] encoded = Arrays.copyOf(buffer.array(), LENGTH);
        return Either.right(new VaultHeader(derivation.get(), salt, keyCheck, nonce, (int) payloadLength, encoded));
    }

    private static Either<VaultError, VaultHeader> checkFileLength(Path file, long actualLength, VaultHeader header) {
        long expectedLength = LENGTH + (long) header.payloadLength;
        if (actualLength < expectedLength) {
            return Either.left(new VaultError.Truncated(file, actualLength, expectedLength));
        }
        if (actualLength > expectedLength) {
            return Either.left(new VaultError.PayloadCorrupted(file, "it has " + (actualLength - expectedLength)
                    + " unexpected bytes after the encrypted secrets"));
        }
        return Either.right(header);
    }

    private static byte[] take(ByteBuffer buffer, int length) {
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must support SHA-256", e);
        }
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

    byte[] nonce() {
        return nonce.clone();
    }

    int payloadLength() {
        return payloadLength;
    }

    /** Returns the encoded header, checksum included: the bytes the file starts with. */
    byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public String toString() {
        return "VaultHeader[version " + VERSION + ", " + derivation + ", payload " + payloadLength + " bytes]";
    }
}
