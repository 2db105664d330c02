package dev.httpauth.adapters.store.vault;

import io.vavr.control.Either;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Encrypts vault contents into the bytes of a whole vault file and back, with AES-256-GCM and the
 * header as associated data.
 *
 * <p>Every call to {@link #seal} draws a fresh random 96-bit nonce, and one key stays in use until
 * the next rekey. Two of n random nonces collide with a probability of about n²/2^97, which stays
 * negligible for the number of writes a vault file receives.
 */
final class VaultCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int TAG_BITS = VaultHeader.GCM_TAG_LENGTH * 8;

    private VaultCrypto() {
    }

    /** Returns the bytes of a vault file that contains {@code contents}, encrypted under {@code key}. */
    static Either<VaultError, byte[]> seal(Path file, VaultContents contents, KeyMaterial key) {
        byte[] plaintext = contents.encode();
        try {
            long fileLength = (long) VaultHeader.LENGTH + plaintext.length + VaultHeader.GCM_TAG_LENGTH;
            if (fileLength > VaultHeader.MAX_FILE_LENGTH) {
                return Either.left(new VaultError.TooLarge(file, fileLength, VaultHeader.MAX_FILE_LENGTH));
            }

            byte[] nonce = new byte[VaultHeader.NONCE_LENGTH];
            RANDOM.nextBytes(nonce);
            VaultHeader header = VaultHeader.of(key.derivation(), key.salt(), key.keyCheck(), nonce,
                    plaintext.length + VaultHeader.GCM_TAG_LENGTH);
            byte[] headerBytes = header.encoded();

            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.encryptionKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(headerBytes);
            byte[] fileBytes = Arrays.copyOf(headerBytes, (int) fileLength);
            cipher.doFinal(plaintext, 0, plaintext.length, fileBytes, VaultHeader.LENGTH);
            return Either.right(fileBytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must support AES/GCM/NoPadding with 256-bit keys", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /**
     * Checks the key against the header's key check, then decrypts and decodes the payload of
     * {@code fileBytes}, whose header {@link VaultHeader#parse} has already checked.
     */
    static Either<VaultError, VaultContents> unseal(Path file, byte[] fileBytes, VaultHeader header, KeyMaterial key) {
        if (!key.matchesKeyCheck(header)) {
            return Either.left(new VaultError.WrongKey(file, key.keyFile()));
        }

        byte[] plaintext;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.encryptionKey(), new GCMParameterSpec(TAG_BITS, header.nonce()));
            cipher.updateAAD(header.encoded());
            plaintext = cipher.doFinal(fileBytes, VaultHeader.LENGTH, header.payloadLength());
        } catch (AEADBadTagException e) {
            return Either.left(new VaultError.PayloadCorrupted(file,
                    "the key is right, but the encrypted secrets fail GCM authentication"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform must support AES/GCM/NoPadding with 256-bit keys", e);
        }

        try {
            return VaultContents.decode(plaintext)
                    .mapLeft(defect -> new VaultError.PayloadCorrupted(file, defect));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
