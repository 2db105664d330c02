package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.spec.SecretKeySpec;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class Pkcs12SecretStoreTest {

    private static final String STORE_PASSWORD = "store password";

    @TempDir
    Path directory;

    @Test
    void resolveWhenSecretKeyThenUtf8() throws Exception {
        Path keyStore = keyStoreWith(Map.of("crm-secret", "s€cret value"));
        Pkcs12SecretStore store = new Pkcs12SecretStore(keyStore, password(STORE_PASSWORD));

        Either<AuthError, Secret> secret = store.resolve(ref("crm-secret"));

        assertThat(secret.get().reveal()).isEqualTo("s€cret value");
    }

    @Test
    void resolveWhenKeytoolImportpassThenPassword() throws Exception {
        Path keyStore = directory.resolve("keytool.p12");
        keytool("the password from keytool\nthe password from keytool\n", "-importpass", "-alias", "billing",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        Pkcs12SecretStore store = new Pkcs12SecretStore(keyStore, password(STORE_PASSWORD));

        Either<AuthError, Secret> secret = store.resolve(ref("billing"));

        assertThat(secret.get().reveal()).isEqualTo("the password from keytool");
    }

    @Test
    void resolveWhenAliasDiffersInCaseThenMatches() throws Exception {
        Path keyStore = keyStoreWith(Map.of("CRM-Secret", "value"));
        Pkcs12SecretStore store = new Pkcs12SecretStore(keyStore, password(STORE_PASSWORD));

        Either<AuthError, Secret> secret = store.resolve(ref("crm-SECRET"));

        assertThat(secret.get().reveal()).isEqualTo("value");
    }

    @Test
    void resolveWhenAliasMissingThenListsAliases() throws Exception {
        Path keyStore = keyStoreWith(Map.of("crm-secret", "x", "maps-key", "y"));
        Pkcs12SecretStore store = new Pkcs12SecretStore(keyStore, password(STORE_PASSWORD));

        AuthError error = store.resolve(ref("billing")).getLeft();

        assertThat(error.message()).isEqualTo("Secret pkcs12:billing is unavailable: keystore " + keyStore
                + " has no entry with alias 'billing' (its aliases are crm-secret, maps-key). "
                + "Check the alias, or add the secret with keytool -importpass.");
    }

    @Test
    void resolveWhenPasswordWrongThenSaysSo() throws Exception {
        Path keyStore = keyStoreWith(Map.of("crm-secret", "x"));
        Pkcs12SecretStore store = new Pkcs12SecretStore(keyStore, password("not the password"));

        AuthError error = store.resolve(ref("crm-secret")).getLeft();

        assertThat(error.message()).isEqualTo("Secret pkcs12:crm-secret is unavailable: the password of keystore " + keyStore
                + " is wrong. Check the ref that supplies the keystore password.");
    }

    @Test
    void resolveWhenNotKeystoreThenSaysSo() throws Exception {
        Path notKeyStore = Files.writeString(directory.resolve("connections.json"), "{\"connections\": {}}");
        Pkcs12SecretStore store = new Pkcs12SecretStore(notKeyStore, password(STORE_PASSWORD));

        AuthError error = store.resolve(ref("crm-secret")).getLeft();

        assertThat(error.message()).startsWith("Secret pkcs12:crm-secret is unavailable: file " + notKeyStore
                + " is not a PKCS#12 keystore or is damaged (");
        assertThat(error.message()).endsWith("). Check the path, or create the keystore with keytool -storetype PKCS12.");
    }

    @Test
    void resolveWhenFileMissingThenSaysSo() {
        Path absent = directory.resolve("absent.p12");
        Pkcs12SecretStore store = new Pkcs12SecretStore(absent, password(STORE_PASSWORD));

        AuthError error = store.resolve(ref("crm-secret")).getLeft();

        assertThat(error.message()).isEqualTo("Secret pkcs12:crm-secret is unavailable: keystore file " + absent
                + " does not exist. Check the path.");
    }

    @Test
    void resolveWhenOtherEntryKindThenWrongKind() throws Exception {
        Path keyStore = directory.resolve("mixed.p12");
        Path certificate = directory.resolve("tls.crt");
        keytool("", "-genkeypair", "-alias", "tls", "-keyalg", "EC", "-dname", "CN=test", "-validity", "1",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        keytool("", "-exportcert", "-alias", "tls", "-file", certificate.toString(),
                "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD);
        keytool("", "-importcert", "-noprompt", "-alias", "trusted", "-file", certificate.toString(),
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        Pkcs12SecretStore store = new Pkcs12SecretStore(keyStore, password(STORE_PASSWORD));

        AuthError privateKey = store.resolve(ref("tls")).getLeft();
        AuthError trusted = store.resolve(ref("trusted")).getLeft();

        assertThat(privateKey.message()).isEqualTo("Secret pkcs12:tls is unavailable: entry 'tls' in keystore " + keyStore
                + " is a private key entry, but pkcs12: refs need a secret key entry. Store the secret with keytool -importpass.");
        assertThat(trusted.message()).contains("entry 'trusted' in keystore " + keyStore + " is a trusted certificate entry");
    }

    @Test
    void resolveWhenKeystoreReplacedThenReloads() throws Exception {
        Path keyStore = keyStoreWith(Map.of("crm-secret", "old value"));
        Pkcs12SecretStore store = new Pkcs12SecretStore(keyStore, password(STORE_PASSWORD));
        assertThat(store.resolve(ref("crm-secret")).get().reveal()).isEqualTo("old value");
        FileTime before = Files.getLastModifiedTime(keyStore);

        writeKeyStore(keyStore, Map.of("crm-secret", "new value"));
        Files.setLastModifiedTime(keyStore, FileTime.fromMillis(before.toMillis() + 2000));

        assertThat(store.resolve(ref("crm-secret")).get().reveal()).isEqualTo("new value");
    }

    @Test
    void resolveWhenLoadedThenPasswordArrayCleared() throws Exception {
        Path keyStore = keyStoreWith(Map.of("crm-secret", "value"));
        List<char[]> handedOut = new ArrayList<>();
        Pkcs12SecretStore store = new Pkcs12SecretStore(keyStore, () -> {
            char[] chars = STORE_PASSWORD.toCharArray();
            handedOut.add(chars);
            return chars;
        });

        assertThat(store.resolve(ref("crm-secret")).isRight()).isTrue();

        assertThat(handedOut).singleElement().satisfies(chars -> assertThat(new String(chars)).isEqualTo("\0".repeat(STORE_PASSWORD.length())));
    }

    @Test
    void resolveWhenOtherSchemeThenSecretUnavailable() {
        Pkcs12SecretStore store = new Pkcs12SecretStore(directory.resolve("any.p12"), password(STORE_PASSWORD));

        AuthError error = store.resolve(new SecretRef("vault", "crm")).getLeft();

        assertThat(error.message()).isEqualTo("Secret vault:crm is unavailable: the PKCS#12 store resolves only pkcs12: refs, "
                + "so route vault: refs to their own store");
    }

    private Path keyStoreWith(Map<String, String> secrets) throws Exception {
        Path keyStore = directory.resolve("secrets.p12");
        writeKeyStore(keyStore, secrets);
        return keyStore;
    }

    /** Writes a PKCS#12 keystore whose secret key entries hold the UTF-8 bytes of {@code secrets}. */
    static void writeKeyStore(Path file, Map<String, String> secrets) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(STORE_PASSWORD.toCharArray());
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            SecretKeySpec key = new SecretKeySpec(secret.getValue().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
            keyStore.setEntry(secret.getKey(), new KeyStore.SecretKeyEntry(key), protection);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, STORE_PASSWORD.toCharArray());
        }
    }

    private void keytool(String input, String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Path output = directory.resolve("keytool.out");
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try (Writer stdin = keytool.outputWriter()) {
            stdin.write(input);
        }
        assertThat(keytool.waitFor(1, TimeUnit.MINUTES)).as("keytool exited").isTrue();
        assertThat(keytool.exitValue()).as("keytool exit code; output: %s", Files.readString(output)).isZero();
    }

    private static SecretRef ref(String alias) {
        return new SecretRef("pkcs12", alias);
    }

    private static Supplier<char[]> password(String password) {
        return password::toCharArray;
    }
}
