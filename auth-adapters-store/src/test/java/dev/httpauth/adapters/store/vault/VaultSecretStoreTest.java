package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static dev.httpauth.adapters.store.vault.VaultFixtures.cheapPassphrase;
import static dev.httpauth.adapters.store.vault.VaultFixtures.newKeyFile;
import static dev.httpauth.adapters.store.vault.VaultFixtures.orFail;
import static org.assertj.core.api.Assertions.assertThat;

class VaultSecretStoreTest {

    private static final SecretRef CRM = new SecretRef("vault", "crm/client-secret");

    @TempDir
    Path directory;

    @Test
    void resolveWhenNamePresentThenReturnsSecret() {
        Path path = vaultWith(Map.of("crm/client-secret", "s3cret"), "pass");
        VaultSecretStore store = new VaultSecretStore(path, passphrases("pass"));

        Either<AuthError, Secret> secret = store.resolve(CRM);

        assertThat(secret.get().reveal()).isEqualTo("s3cret");
    }

    @Test
    void resolveWhenKeyFileThenReturnsSecret() throws IOException {
        Path keyFile = newKeyFile(directory, "store.key");
        Path path = directory.resolve("key-file.vault");
        orFail(orFail(VaultFile.create(path, VaultKey.keyFile(keyFile))).set("crm/client-secret", Secret.of("from key file")));
        VaultSecretStore store = VaultSecretStore.withKeyFile(path, keyFile);

        Either<AuthError, Secret> secret = store.resolve(CRM);

        assertThat(secret.get().reveal()).isEqualTo("from key file");
    }

    @Test
    void resolveWhenNameMissingThenNamesVault() {
        Path path = vaultWith(Map.of("other", "x"), "pass");
        VaultSecretStore store = new VaultSecretStore(path, passphrases("pass"));

        AuthError error = store.resolve(CRM).getLeft();

        assertThat(error).isEqualTo(new AuthError.SecretUnavailable(CRM,
                "Vault file " + path + " has no secret named 'crm/client-secret'. Check the name, or store the secret first."));
    }

    @Test
    void resolveWhenOtherSchemeThenSecretUnavailable() {
        VaultSecretStore store = new VaultSecretStore(vaultWith(Map.of(), "pass"), passphrases("pass"));
        SecretRef envRef = new SecretRef("env", "CRM");

        AuthError error = store.resolve(envRef).getLeft();

        assertThat(error.message()).isEqualTo("Secret env:CRM is unavailable: the vault store resolves only vault: refs, "
                + "so route env: refs to their own store");
    }

    @Test
    void resolveWhenPassphraseWrongThenSaysSo() {
        Path path = vaultWith(Map.of("crm/client-secret", "s3cret"), "pass");
        VaultSecretStore store = new VaultSecretStore(path, passphrases("wrong"));

        AuthError error = store.resolve(CRM).getLeft();

        assertThat(error.message()).isEqualTo("Secret vault:crm/client-secret is unavailable: Cannot decrypt vault file "
                + path + ": the passphrase is wrong. Check the passphrase and try again.");
    }

    @Test
    void resolveWhenVaultMissingThenSecretUnavailable() {
        Path path = directory.resolve("absent.vault");
        VaultSecretStore store = new VaultSecretStore(path, passphrases("pass"));

        AuthError error = store.resolve(CRM).getLeft();

        assertThat(error).isEqualTo(new AuthError.SecretUnavailable(CRM, new VaultError.NotFound(path).message()));
    }

    @Test
    void resolveWhenRotatedThenRereadsCheaply() {
        Path path = vaultWith(Map.of("crm/client-secret", "old value"), "pass");
        AtomicInteger passphraseCalls = new AtomicInteger();
        VaultSecretStore store = new VaultSecretStore(path, counting(passphraseCalls, passphrases("pass")));
        assertThat(store.resolve(CRM).get().reveal()).isEqualTo("old value");

        orFail(orFail(VaultFile.open(path, cheapPassphrase("pass"))).set("crm/client-secret", Secret.of("new value")));

        assertThat(store.resolve(CRM).get().reveal()).isEqualTo("new value");
        assertThat(passphraseCalls).as("passphrase requests").hasValue(1);
    }

    @Test
    void resolveWhenRekeyedThenAsksPassphraseAgain() {
        Path path = vaultWith(Map.of("crm/client-secret", "value"), "first");
        AtomicInteger passphraseCalls = new AtomicInteger();
        VaultSecretStore store = new VaultSecretStore(path, counting(passphraseCalls, passphrases("first", "second")));
        assertThat(store.resolve(CRM).get().reveal()).isEqualTo("value");

        orFail(orFail(VaultFile.open(path, cheapPassphrase("first"))).rekey(cheapPassphrase("second")));

        assertThat(store.resolve(CRM).get().reveal()).isEqualTo("value");
        assertThat(passphraseCalls).as("passphrase requests").hasValue(2);
    }

    @Test
    void resolveWhenStampUnchangedThenServesMemory() throws IOException {
        Path path = vaultWith(Map.of("crm/client-secret", "value"), "pass");
        VaultSecretStore store = new VaultSecretStore(path, passphrases("pass"));
        assertThat(store.resolve(CRM).isRight()).isTrue();
        FileTime modified = Files.getLastModifiedTime(path);

        // Damage the last byte in place and restore the time: size, time and inode stay the same.
        overwriteLastByte(path);
        Files.setLastModifiedTime(path, modified);
        Either<AuthError, Secret> fromMemory = store.resolve(CRM);
        Files.setLastModifiedTime(path, FileTime.fromMillis(modified.toMillis() + 2000));
        Either<AuthError, Secret> reread = store.resolve(CRM);

        assertThat(fromMemory.get().reveal()).isEqualTo("value");
        assertThat(reread.getLeft().message()).contains("is corrupted or was tampered with");
    }

    @Test
    void resolveWhenKeyDerivedThenPassphraseArrayCleared() {
        Path path = vaultWith(Map.of("crm/client-secret", "value"), "pass");
        List<char[]> handedOut = new ArrayList<>();
        VaultSecretStore store = new VaultSecretStore(path, () -> {
            char[] chars = "pass".toCharArray();
            handedOut.add(chars);
            return chars;
        });

        assertThat(store.resolve(CRM).get().reveal()).isEqualTo("value");

        assertThat(handedOut).singleElement().satisfies(chars -> assertThat(new String(chars)).isEqualTo("\0\0\0\0"));
    }

    @Test
    void toStringWhenCalledThenShowsPathOnly() {
        Path path = directory.resolve("shown.vault");

        VaultSecretStore store = new VaultSecretStore(path, passphrases("pass"));

        assertThat(store).hasToString("VaultSecretStore[" + path + "]");
    }

    private Path vaultWith(Map<String, String> secrets, String passphrase) {
        Path path = directory.resolve("store-" + secrets.hashCode() + "-" + passphrase + ".vault");
        VaultFile vault = orFail(VaultFile.create(path, cheapPassphrase(passphrase)));
        secrets.forEach((name, value) -> orFail(vault.set(name, Secret.of(value))));
        return path;
    }

    /** Returns a supplier that hands out the passphrases in order, repeating the last one. */
    private static Supplier<char[]> passphrases(String... passphrases) {
        AtomicInteger next = new AtomicInteger();
        return () -> passphrases[Math.min(next.getAndIncrement(), passphrases.length - 1)].toCharArray();
    }

    private static Supplier<char[]> counting(AtomicInteger calls, Supplier<char[]> passphrases) {
        return () -> {
            calls.incrementAndGet();
            return passphrases.get();
        };
    }

    private static void overwriteLastByte(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long position = channel.size() - 1;
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, position);
            last.put(0, (byte) (last.get(0) ^ 0x01));
            last.rewind();
            channel.write(last, position);
        }
    }
}
