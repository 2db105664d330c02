package dev.httpauth.adapters.store.vault;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.httpauth.adapters.store.vault.VaultFixtures.CHEAP_ARGON2;
import static dev.httpauth.adapters.store.vault.VaultFixtures.errorOf;
import static dev.httpauth.adapters.store.vault.VaultFixtures.orFail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes canary values through the vault and the PKCS#12 store, provokes every kind of error, and
 * checks that no message, {@code toString} or log line contains a canary.
 */
class SecretLeakTest {

    private final String secretCanary = "SECRET-CANARY-" + UUID.randomUUID();

    private final String passphraseCanary = "PASSPHRASE-CANARY-" + UUID.randomUUID();

    private final String storePasswordCanary = "STOREPASS-CANARY-" + UUID.randomUUID();

    private final ListAppender<ILoggingEvent> logLines = new ListAppender<>();

    private Logger rootLogger;

    private Level rootLevel;

    @TempDir
    Path directory;

    @BeforeEach
    void captureLogs() {
        rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = rootLogger.getLevel();
        rootLogger.setLevel(Level.TRACE);
        logLines.start();
        rootLogger.addAppender(logLines);
    }

    @AfterEach
    void releaseLogs() {
        rootLogger.detachAppender(logLines);
        rootLogger.setLevel(rootLevel);
    }

    @Test
    void vaultWhenCanaryStoredThenNeverShown() throws Exception {
        Path path = directory.resolve("canary.vault");
        VaultKey key = VaultKey.passphrase(passphraseCanary.toCharArray(), CHEAP_ARGON2);
        VaultFile vault = orFail(VaultFile.create(path, key));
        orFail(vault.set("api", Secret.of(secretCanary)));
        VaultSecretStore store = new VaultSecretStore(path, passphraseCanary::toCharArray);
        byte[] intact = Files.readAllBytes(path);
        List<Object> outputs = new ArrayList<>();

        outputs.addAll(List.of(key, vault, vault.names(), vault.get("api"), vault.load(), store, store.resolve(new SecretRef("vault", "api"))));
        outputs.add(store.resolve(new SecretRef("vault", "missing")));
        outputs.add(vault.get("missing"));
        outputs.add(VaultHeader.parse(path, intact));
        outputs.add(KeyMaterial.forNewFile(path, key));
        outputs.add(VaultFile.open(path, VaultKey.passphrase((passphraseCanary + "x").toCharArray(), CHEAP_ARGON2)));
        outputs.add(new VaultSecretStore(path, () -> (passphraseCanary + "x").toCharArray()).resolve(new SecretRef("vault", "api")));
        for (byte[] damaged : damagedVersionsOf(intact)) {
            Files.write(path, damaged);
            outputs.add(VaultFile.open(path, key));
            outputs.add(vault.get("api"));
            outputs.add(new VaultSecretStore(path, passphraseCanary::toCharArray).resolve(new SecretRef("vault", "api")));
        }
        Files.write(path, intact);
        VaultFile rekeyed = orFail(vault.rekey(VaultKey.passphrase((passphraseCanary + "2").toCharArray(), CHEAP_ARGON2)));
        outputs.addAll(List.of(rekeyed, vault.get("api"), store.resolve(new SecretRef("vault", "api"))));

        assertNoCanaryIn(outputs);
        assertThat(new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1)).doesNotContain(secretCanary, passphraseCanary);
    }

    @Test
    void pkcs12WhenCanaryStoredThenNeverShown() throws Exception {
        Path keyStore = directory.resolve("canary.p12");
        Pkcs12SecretStoreTest.writeKeyStore(keyStore, Map.of("api", secretCanary));
        List<Object> outputs = new ArrayList<>();

        Pkcs12SecretStore rightPassword = new Pkcs12SecretStore(keyStore, "store password"::toCharArray);
        Pkcs12SecretStore wrongPassword = new Pkcs12SecretStore(keyStore, storePasswordCanary::toCharArray);
        outputs.addAll(List.of(rightPassword, rightPassword.resolve(new SecretRef("pkcs12", "api"))));
        outputs.add(rightPassword.resolve(new SecretRef("pkcs12", "missing")));
        outputs.add(rightPassword.resolve(new SecretRef("vault", "api")));
        outputs.addAll(List.of(wrongPassword, wrongPassword.resolve(new SecretRef("pkcs12", "api"))));
        Files.write(keyStore, Arrays.copyOf(Files.readAllBytes(keyStore), 200));
        outputs.add(new Pkcs12SecretStore(keyStore, "store password"::toCharArray).resolve(new SecretRef("pkcs12", "api")));

        assertNoCanaryIn(outputs);
    }

    private void assertNoCanaryIn(List<Object> outputs) {
        List<String> texts = new ArrayList<>();
        for (Object output : outputs) {
            texts.add(String.valueOf(output));
            if (output instanceof io.vavr.control.Either<?, ?> either && either.isLeft()) {
                texts.add(describe(either.getLeft()));
            }
        }
        for (ILoggingEvent event : logLines.list) {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }

        assertThat(texts).hasSizeGreaterThan(outputs.size());
        assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain(secretCanary, passphraseCanary, storePasswordCanary));
    }

    private static String describe(Object error) {
        return switch (error) {
            case VaultError vaultError -> vaultError.message();
            case dev.httpauth.domain.error.AuthError authError -> authError.message();
            default -> String.valueOf(error);
        };
    }

    private static List<byte[]> damagedVersionsOf(byte[] intact) {
        byte[] header = intact.clone();
        header[40] ^= 0x01;
        byte[] payload = intact.clone();
        payload[payload.length - 1] ^= 0x01;
        return List.of(header, payload, Arrays.copyOf(intact, intact.length - 1), "not a vault".getBytes(StandardCharsets.UTF_8));
    }
}
