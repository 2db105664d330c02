package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.httpauth.adapters.store.vault.VaultFixtures.cheapPassphrase;
import static dev.httpauth.adapters.store.vault.VaultFixtures.errorOf;
import static dev.httpauth.adapters.store.vault.VaultFixtures.orFail;
import static org.assertj.core.api.Assertions.assertThat;

/** Damaged files and wrong keys: each case gets its own error, and no case changes the file. */
class VaultFileDamageTest {

    private static final String PASSPHRASE = "the right passphrase";

    @TempDir
    Path directory;

    private Path vault;

    private byte[] intact;

    @BeforeEach
    void createVault() throws IOException {
        vault = directory.resolve("secrets.vault");
        VaultFile file = orFail(VaultFile.create(vault, cheapPassphrase(PASSPHRASE)));
        orFail(file.setAll(Map.of("crm", Secret.of("client secret"), "maps", Secret.of("api key"))));
        intact = Files.readAllBytes(vault);
    }

    @Test
    void openWhenPassphraseWrongThenWrongKey() throws IOException {
        VaultError error = errorOf(VaultFile.open(vault, cheapPassphrase("a wrong passphrase")));

        assertThat(error).isEqualTo(new VaultError.WrongKey(vault, Optional.empty()));
        assertThat(error.message()).isEqualTo("Cannot decrypt vault file " + vault
                + ": the passphrase is wrong. Check the passphrase and try again.");
        assertThat(Files.readAllBytes(vault)).isEqualTo(intact);
    }

    @Test
    void openWhenHeaderByteFlippedThenHeaderError() throws IOException {
        for (int offset = 0; offset < VaultHeader.LENGTH; offset++) {
            byte[] damaged = flipped(intact, offset);
            Files.write(vault, damaged);

            VaultError error = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE)));

            Class<? extends VaultError> expected = offset < 8 ? VaultError.NotAVault.class
                    : offset < 10 ? VaultError.UnsupportedVersion.class
                    : VaultError.HeaderCorrupted.class;
            assertThat(error).as("error for a flipped byte at offset %d", offset).isInstanceOf(expected);
            assertThat(error.message()).as("message for offset %d", offset).contains(vault.toString());
            assertThat(Files.readAllBytes(vault)).as("file after offset %d", offset).isEqualTo(damaged);
        }
    }

    @Test
    void openWhenSaltByteFlippedThenChecksumMismatch() throws IOException {
        byte[] damaged = flipped(intact, 30);
        Files.write(vault, damaged);

        VaultError error = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE)));

        assertThat(error).isEqualTo(new VaultError.HeaderCorrupted(vault, "the header checksum does not match"));
        assertThat(error.message()).isEqualTo("Vault file " + vault + " has a corrupted header (the header checksum does not "
                + "match). The file was left unchanged; restore it from a backup.");
        assertThat(Files.readAllBytes(vault)).isEqualTo(damaged);
    }

    @Test
    void openWhenPayloadByteFlippedThenCorrupted() throws IOException {
        for (int offset = VaultHeader.LENGTH; offset < intact.length; offset++) {
            byte[] damaged = flipped(intact, offset);
            Files.write(vault, damaged);

            VaultError error = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE)));

            assertThat(error).as("error for a flipped byte at offset %d", offset).isEqualTo(new VaultError.PayloadCorrupted(vault,
                    "the key is right, but the encrypted secrets fail GCM authentication"));
            assertThat(Files.readAllBytes(vault)).as("file after offset %d", offset).isEqualTo(damaged);
        }
        assertThat(errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE))).message()).isEqualTo("Vault file " + vault
                + " is corrupted or was tampered with: the key is right, but the encrypted secrets fail GCM authentication. "
                + "The file was left unchanged; restore it from a backup.");
    }

    @Test
    void openWhenDamagedAndWrongKeyThenWrongKey() throws IOException {
        Files.write(vault, flipped(intact, intact.length - 1));

        VaultError error = errorOf(VaultFile.open(vault, cheapPassphrase("a wrong passphrase")));

        assertThat(error).isInstanceOf(VaultError.WrongKey.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 8, 9, 10, 60, 118, 119, 120, -1})
    void openWhenTruncatedThenTruncated(int length) throws IOException {
        int keptBytes = length < 0 ? intact.length + length : length;
        byte[] truncated = Arrays.copyOf(intact, keptBytes);
        Files.write(vault, truncated);

        VaultError error = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE)));

        long expectedLength = keptBytes < VaultHeader.LENGTH ? VaultHeader.LENGTH : intact.length;
        assertThat(error).isEqualTo(new VaultError.Truncated(vault, keptBytes, expectedLength));
        assertThat(error.message()).isEqualTo("Vault file " + vault + " is truncated: it has " + keptBytes
                + " bytes, but at least " + expectedLength + " are expected. The file was left unchanged; restore it from a backup.");
        assertThat(Files.readAllBytes(vault)).isEqualTo(truncated);
    }

    @Test
    void openWhenBytesAppendedThenPayloadCorrupted() throws IOException {
        byte[] longer = Arrays.copyOf(intact, intact.length + 3);
        Files.write(vault, longer);

        VaultError error = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE)));

        assertThat(error).isEqualTo(new VaultError.PayloadCorrupted(vault, "it has 3 unexpected bytes after the encrypted secrets"));
        assertThat(Files.readAllBytes(vault)).isEqualTo(longer);
    }

    @Test
    void openWhenOtherFileTypesThenNotAVault() throws Exception {
        Map<String, byte[]> others = new LinkedHashMap<>();
        others.put("connections.json", "{\"connections\": {}}\n".getBytes());
        others.put("image.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        others.put("store.p12", pkcs12Bytes());
        for (Map.Entry<String, byte[]> other : others.entrySet()) {
            Path file = Files.write(directory.resolve(other.getKey()), other.getValue());

            VaultError error = errorOf(VaultFile.open(file, cheapPassphrase(PASSPHRASE)));

            assertThat(error).as(other.getKey()).isEqualTo(new VaultError.NotAVault(file));
            assertThat(error.message()).isEqualTo("File " + file + " is not an httpauth vault file: it does not start "
                    + "with the vault signature. Check the path.");
            assertThat(Files.readAllBytes(file)).as(other.getKey()).isEqualTo(other.getValue());
        }
    }

    @Test
    void openWhenVersionIsNewerThenUnsupportedVersion() throws IOException {
        byte[] newer = intact.clone();
        ByteBuffer.wrap(newer).putShort(8, (short) 2);
        Files.write(vault, newer);

        VaultError error = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE)));

        assertThat(error).isEqualTo(new VaultError.UnsupportedVersion(vault, 2));
        assertThat(error.message()).contains("has format version 2, but this httpauth reads only version 1");
        assertThat(Files.readAllBytes(vault)).isEqualTo(newer);
    }

    @Test
    void openWhenHugeArgon2MemoryThenHeaderCorrupted() throws IOException {
        byte[] hostile = intact.clone();
        ByteBuffer.wrap(hostile).putInt(11, Integer.MAX_VALUE);
        rewriteChecksum(hostile);
        Files.write(vault, hostile);

        VaultError error = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE)));

        assertThat(error).isEqualTo(new VaultError.HeaderCorrupted(vault, "Argon2id memory 2147483647 KiB is outside 8..1048576 KiB"));
    }

    @Test
    void setWhenFileDamagedThenFileUnchanged() throws IOException {
        VaultFile handle = orFail(VaultFile.open(vault, cheapPassphrase(PASSPHRASE)));
        byte[] damaged = flipped(intact, intact.length - 5);
        Files.write(vault, damaged);

        VaultError error = errorOf(handle.set("new", Secret.of("value")));

        assertThat(error).isInstanceOf(VaultError.PayloadCorrupted.class);
        assertThat(Files.readAllBytes(vault)).isEqualTo(damaged);
    }

    @Test
    void errorsWhenEachCaseThenMessagesDiffer() throws Exception {
        String wrongPassphrase = errorOf(VaultFile.open(vault, cheapPassphrase("wrong"))).message();
        Files.write(vault, flipped(intact, 40));
        String headerFlipped = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE))).message();
        Files.write(vault, flipped(intact, intact.length - 1));
        String payloadFlipped = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE))).message();
        Files.write(vault, Arrays.copyOf(intact, intact.length - 1));
        String truncated = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE))).message();
        Files.write(vault, pkcs12Bytes());
        String wrongType = errorOf(VaultFile.open(vault, cheapPassphrase(PASSPHRASE))).message();

        assertThat(List.of(wrongPassphrase, headerFlipped, payloadFlipped, truncated, wrongType))
                .doesNotHaveDuplicates()
                .allSatisfy(message -> assertThat(message).contains(vault.toString()));
    }

    private static byte[] flipped(byte[] bytes, int offset) {
        byte[] copy = bytes.clone();
        copy[offset] ^= 0x01;
        return copy;
    }

    /** Recomputes the header checksum, as someone who edits the header on purpose would. */
    private static void rewriteChecksum(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, 87);
            System.arraycopy(digest.digest(), 0, bytes, 87, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] pkcs12Bytes() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        keyStore.store(out, "password".toCharArray());
        return out.toByteArray();
    }
}
