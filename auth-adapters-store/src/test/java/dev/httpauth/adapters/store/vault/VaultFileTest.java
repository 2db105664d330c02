package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static dev.httpauth.adapters.store.vault.VaultFixtures.CHEAP_ARGON2;
import static dev.httpauth.adapters.store.vault.VaultFixtures.cheapPassphrase;
import static dev.httpauth.adapters.store.vault.VaultFixtures.errorOf;
import static dev.httpauth.adapters.store.vault.VaultFixtures.newKeyFile;
import static dev.httpauth.adapters.store.vault.VaultFixtures.orFail;
import static org.assertj.core.api.Assertions.assertThat;

class VaultFileTest {

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    @TempDir
    Path directory;

    @Test
    void createWhenDefaultsThenHeaderRecordsThem() throws IOException {
        char[] passphrase = "correct horse battery staple".toCharArray();
        Path path = directory.resolve("default.vault");

        VaultFile vault = orFail(VaultFile.create(path, VaultKey.passphrase(passphrase)));
        orFail(vault.set("crm", Secret.of("client secret")));

        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(path));
        assertThat(header.get(10)).as("key derivation id").isEqualTo((byte) KeyDerivation.Argon2id.ID);
        assertThat(header.getInt(11)).as("memory KiB").isEqualTo(64 * 1024);
        assertThat(header.getInt(15)).as("iterations").isEqualTo(3);
        assertThat(header.getInt(19)).as("parallelism").isEqualTo(1);
        assertThat(vault.argon2Settings()).contains(Argon2Settings.defaults());
        VaultFile reopened = orFail(VaultFile.open(path, VaultKey.passphrase(passphrase)));
        assertThat(orFail(reopened.get("crm")).reveal()).isEqualTo("client secret");
        VaultError wrong = errorOf(VaultFile.open(path, VaultKey.passphrase("Correct horse battery staple".toCharArray())));
        assertThat(wrong).isInstanceOf(VaultError.WrongKey.class);
    }

    @Test
    void defaultsMeetOwaspMinimum() {
        Argon2Settings defaults = Argon2Settings.defaults();

        assertThat(defaults.memoryKiB()).isGreaterThanOrEqualTo(19 * 1024);
        assertThat(defaults.iterations()).isGreaterThanOrEqualTo(2);
        assertThat(defaults.parallelism()).isEqualTo(1);
    }

    @Test
    void openWhenCustomSettingsThenUsesHeader() throws IOException {
        Path path = directory.resolve("custom.vault");
        Argon2Settings custom = new Argon2Settings(128, 2, 1);
        orFail(orFail(VaultFile.create(path, VaultKey.passphrase("pass".toCharArray(), custom))).set("a", Secret.of("1")));

        VaultFile reopened = orFail(VaultFile.open(path, VaultKey.passphrase("pass".toCharArray(), CHEAP_ARGON2)));

        assertThat(reopened.argon2Settings()).contains(custom);
        assertThat(orFail(reopened.get("a")).reveal()).isEqualTo("1");
        assertThat(ByteBuffer.wrap(Files.readAllBytes(path)).getInt(11)).isEqualTo(128);
    }

    @Test
    void setWhenValuesAreUnicodeThenRoundTrips() {
        Path path = directory.resolve("unicode.vault");
        VaultFile vault = orFail(VaultFile.create(path, cheapPassphrase("pässwörd 🔑")));

        orFail(vault.setAll(Map.of("crm/client-secret", Secret.of("s€cret ✓"), "empty", Secret.of(""), "名前", Secret.of("値"))));

        VaultFile reopened = orFail(VaultFile.open(path, cheapPassphrase("pässwörd 🔑")));
        assertThat(orFail(reopened.names())).containsExactly("crm/client-secret", "empty", "名前");
        assertThat(orFail(reopened.get("crm/client-secret")).reveal()).isEqualTo("s€cret ✓");
        assertThat(orFail(reopened.get("empty")).reveal()).isEmpty();
        assertThat(orFail(reopened.get("名前")).reveal()).isEqualTo("値");
    }

    @Test
    void setWhenNameExistsThenReplacesValue() {
        VaultFile vault = orFail(VaultFile.create(directory.resolve("replace.vault"), cheapPassphrase("pass")));
        orFail(vault.set("api", Secret.of("first")));

        orFail(vault.set("api", Secret.of("second")));

        assertThat(orFail(vault.get("api")).reveal()).isEqualTo("second");
        assertThat(orFail(vault.names())).containsExactly("api");
    }

    @Test
    void removeWhenNamePresentThenSecretIsGone() {
        VaultFile vault = orFail(VaultFile.create(directory.resolve("remove.vault"), cheapPassphrase("pass")));
        orFail(vault.setAll(Map.of("keep", Secret.of("1"), "drop", Secret.of("2"))));

        orFail(vault.remove("drop"));

        assertThat(orFail(vault.names())).containsExactly("keep");
        assertThat(errorOf(vault.get("drop"))).isEqualTo(new VaultError.SecretNotFound(vault.path(), "drop"));
    }

    @Test
    void removeWhenNameMissingThenSecretNotFound() throws IOException {
        VaultFile vault = orFail(VaultFile.create(directory.resolve("missing.vault"), cheapPassphrase("pass")));
        byte[] before = Files.readAllBytes(vault.path());

        VaultError error = errorOf(vault.remove("nothing"));

        assertThat(error).isEqualTo(new VaultError.SecretNotFound(vault.path(), "nothing"));
        assertThat(Files.readAllBytes(vault.path())).isEqualTo(before);
    }

    @Test
    void setWhenNameInvalidThenInvalidName() {
        VaultFile vault = orFail(VaultFile.create(directory.resolve("names.vault"), cheapPassphrase("pass")));

        VaultError controlCharacter = errorOf(vault.set("bad\nname", Secret.of("x")));
        VaultError blank = errorOf(vault.set(" ", Secret.of("x")));
        VaultError tooLong = errorOf(vault.set("n".repeat(1025), Secret.of("x")));

        assertThat(controlCharacter.message()).contains("control character");
        assertThat(blank.message()).contains("blank");
        assertThat(tooLong.message()).contains("1025 bytes");
    }

    @Test
    void createWhenFileExistsThenAlreadyExists() throws IOException {
        Path path = directory.resolve("exists.vault");
        Files.writeString(path, "keep me");

        VaultError error = errorOf(VaultFile.create(path, cheapPassphrase("pass")));

        assertThat(error).isEqualTo(new VaultError.AlreadyExists(path.toRealPath()));
        assertThat(Files.readString(path)).isEqualTo("keep me");
    }

    @Test
    void createWhenDirectoryMissingThenIoFailure() {
        Path path = directory.resolve("absent-directory").resolve("new.vault");

        VaultError error = errorOf(VaultFile.create(path, cheapPassphrase("pass")));

        assertThat(error.message()).isEqualTo("Cannot create vault file " + path + ": directory " + path.getParent() + " does not exist. "
                + "Check the path and the permissions of the file and its directory.");
        assertThat(path.getParent()).doesNotExist();
    }

    @Test
    void openWhenFileMissingThenNotFound() {
        Path path = directory.resolve("absent.vault");

        VaultError error = errorOf(VaultFile.open(path, cheapPassphrase("pass")));

        assertThat(error).isEqualTo(new VaultError.NotFound(path));
        assertThat(error.message()).contains(path.toString(), "does not exist");
    }

    @Test
    void writeWhenRepeatedThenNonceIsFresh() throws IOException {
        VaultFile vault = orFail(VaultFile.create(directory.resolve("nonce.vault"), cheapPassphrase("pass")));
        orFail(vault.set("a", Secret.of("same")));
        byte[] first = Files.readAllBytes(vault.path());

        orFail(vault.set("a", Secret.of("same")));
        byte[] second = Files.readAllBytes(vault.path());

        assertThat(Arrays.copyOfRange(second, 71, 83)).isNotEqualTo(Arrays.copyOfRange(first, 71, 83));
        assertThat(Arrays.copyOfRange(second, 119, second.length)).isNotEqualTo(Arrays.copyOfRange(first, 119, first.length));
        assertThat(Arrays.copyOfRange(second, 23, 39)).as("salt stays until rekey").isEqualTo(Arrays.copyOfRange(first, 23, 39));
    }

    @Test
    void createWhenSamePassphraseTwiceThenSaltsDiffer() throws IOException {
        VaultFile firstVault = orFail(VaultFile.create(directory.resolve("first.vault"), cheapPassphrase("pass")));
        VaultFile secondVault = orFail(VaultFile.create(directory.resolve("second.vault"), cheapPassphrase("pass")));

        byte[] saltOne = Arrays.copyOfRange(Files.readAllBytes(firstVault.path()), 23, 39);
        byte[] saltTwo = Arrays.copyOfRange(Files.readAllBytes(secondVault.path()), 23, 39);

        assertThat(saltOne).isNotEqualTo(saltTwo);
    }

    @Test
    void rekeyWhenNewPassphraseThenOldFails() throws IOException {
        Path path = directory.resolve("rekey.vault");
        VaultFile vault = orFail(VaultFile.create(path, cheapPassphrase("old passphrase")));
        orFail(vault.setAll(Map.of("a", Secret.of("alpha"), "b", Secret.of("beta"))));
        byte[] saltBefore = Arrays.copyOfRange(Files.readAllBytes(path), 23, 39);

        VaultFile rekeyed = orFail(vault.rekey(cheapPassphrase("new passphrase")));

        assertThat(errorOf(VaultFile.open(path, cheapPassphrase("old passphrase")))).isInstanceOf(VaultError.WrongKey.class);
        VaultFile reopened = orFail(VaultFile.open(path, cheapPassphrase("new passphrase")));
        assertThat(orFail(reopened.get("a")).reveal()).isEqualTo("alpha");
        assertThat(orFail(reopened.get("b")).reveal()).isEqualTo("beta");
        assertThat(orFail(rekeyed.names())).containsExactly("a", "b");
        assertThat(errorOf(vault.get("a"))).isEqualTo(new VaultError.KeyChanged(path));
        assertThat(Arrays.copyOfRange(Files.readAllBytes(path), 23, 39)).isNotEqualTo(saltBefore);
    }

    @Test
    void rekeyWhenKeyFileThenKindMismatch() throws IOException {
        Path path = directory.resolve("to-key-file.vault");
        Path keyFile = newKeyFile(directory, "vault.key");
        VaultFile vault = orFail(VaultFile.create(path, cheapPassphrase("pass")));
        orFail(vault.set("a", Secret.of("alpha")));

        orFail(vault.rekey(VaultKey.keyFile(keyFile)));

        VaultError mismatch = errorOf(VaultFile.open(path, cheapPassphrase("pass")));
        assertThat(mismatch).isEqualTo(new VaultError.KeyKindMismatch(path, VaultError.KeyKind.KEY_FILE, VaultError.KeyKind.PASSPHRASE));
        assertThat(mismatch.message()).contains("is unlocked with a key file, but a passphrase was given");
        assertThat(orFail(orFail(VaultFile.open(path, VaultKey.keyFile(keyFile))).get("a")).reveal()).isEqualTo("alpha");
    }

    @Test
    void openWhenOtherKeyFileThenWrongKey() throws IOException {
        Path path = directory.resolve("key-file.vault");
        orFail(VaultFile.create(path, VaultKey.keyFile(newKeyFile(directory, "right.key"))));
        Path otherKey = newKeyFile(directory, "other.key");

        VaultError error = errorOf(VaultFile.open(path, VaultKey.keyFile(otherKey)));

        assertThat(error).isEqualTo(new VaultError.WrongKey(path, Optional.of(otherKey)));
        assertThat(error.message()).contains("key file " + otherKey + " is not the key of this vault");
    }

    @Test
    void createWhenKeyFileShortThenInvalid() throws IOException {
        Path keyFile = Files.write(directory.resolve("short.key"), new byte[16]);
        Path path = directory.resolve("short-key.vault");

        VaultError error = errorOf(VaultFile.create(path, VaultKey.keyFile(keyFile)));

        assertThat(error).isInstanceOf(VaultError.InvalidKeyFile.class);
        assertThat(error.message()).contains(keyFile.toString(), "has 16 bytes", "exactly 32");
        assertThat(path).doesNotExist();
    }

    @Test
    void openWhenKeyFileReadableByOthersThenInvalid() throws IOException {
        Path keyFile = newKeyFile(directory, "shared.key");
        Path path = directory.resolve("shared-key.vault");
        orFail(VaultFile.create(path, VaultKey.keyFile(keyFile)));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

        VaultError error = errorOf(VaultFile.open(path, VaultKey.keyFile(keyFile)));

        assertThat(error).isInstanceOf(VaultError.InvalidKeyFile.class);
        assertThat(error.message()).contains(keyFile.toString(), "rw-r--r--", "chmod 600 " + keyFile);
    }

    @Test
    void writeWhenTemporaryFilesAbandonedThenDeletesThem() throws IOException {
        VaultFile vault = orFail(VaultFile.create(directory.resolve("clean.vault"), cheapPassphrase("pass")));
        Path abandoned = Files.writeString(directory.resolve(".clean.vault.12345.tmp"), "partial");
        Path unrelated = Files.writeString(directory.resolve(".other.vault.12345.tmp"), "other");

        orFail(vault.set("a", Secret.of("1")));

        assertThat(abandoned).doesNotExist();
        assertThat(unrelated).exists();
    }

    @Test
    @EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "symbolic links need privileges on Windows")
    void setWhenSymbolicLinkThenTargetChanges() throws IOException {
        Path target = directory.resolve("real.vault");
        orFail(VaultFile.create(target, cheapPassphrase("pass")));
        Path link = Files.createSymbolicLink(directory.resolve("link.vault"), target);

        orFail(orFail(VaultFile.open(link, cheapPassphrase("pass"))).set("a", Secret.of("via link")));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(orFail(orFail(VaultFile.open(target, cheapPassphrase("pass"))).get("a")).reveal()).isEqualTo("via link");
    }

    @Test
    @EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "POSIX file permissions")
    void writeWhenPosixThenOwnerOnly() throws IOException {
        Path path = directory.resolve("mode.vault");
        Path keyFile = newKeyFile(directory, "mode.key");

        VaultFile vault = orFail(VaultFile.create(path, cheapPassphrase("pass")));
        assertThat(Files.getPosixFilePermissions(path)).as("after create").isEqualTo(OWNER_READ_WRITE);
        assertThat(Files.getPosixFilePermissions(VaultLock.lockFileOf(path))).as("lock file").isEqualTo(OWNER_READ_WRITE);

        orFail(vault.set("a", Secret.of("1")));
        assertThat(Files.getPosixFilePermissions(path)).as("after set").isEqualTo(OWNER_READ_WRITE);

        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        orFail(vault.setAll(Map.of("b", Secret.of("2"), "c", Secret.of("3"))));
        assertThat(Files.getPosixFilePermissions(path)).as("after setAll on a 0644 file").isEqualTo(OWNER_READ_WRITE);

        orFail(vault.remove("b"));
        assertThat(Files.getPosixFilePermissions(path)).as("after remove").isEqualTo(OWNER_READ_WRITE);

        orFail(vault.rekey(VaultKey.keyFile(keyFile)));
        assertThat(Files.getPosixFilePermissions(path)).as("after rekey").isEqualTo(OWNER_READ_WRITE);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("mode.vault", "mode.vault.lock", "mode.key");
        }
    }
}
