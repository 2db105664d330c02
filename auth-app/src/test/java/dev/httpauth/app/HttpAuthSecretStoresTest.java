package dev.httpauth.app;

import com.google.inject.Guice;
import dev.httpauth.adapters.store.InMemoryConnections;
import dev.httpauth.adapters.store.vault.Argon2Settings;
import dev.httpauth.adapters.store.vault.VaultFile;
import dev.httpauth.adapters.store.vault.VaultKey;
import dev.httpauth.app.fixture.SecretFiles;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The vault and PKCS#12 stores configured through {@link HttpAuth.Builder} and {@link HttpAuthModule}. */
class HttpAuthSecretStoresTest {

    private static final OutgoingRequest REQUEST = OutgoingRequest.of("GET", URI.create("https://api.example.com/items"));
    private static final Argon2Settings CHEAP_ARGON2 = new Argon2Settings(64, 1, 1);

    @TempDir
    private Path directory;

    @Test
    void builderVaultRequestsPassphraseOnce() {
        Path vault = passphraseVault("vault passphrase", "api-key", "vault-key-value");
        AtomicInteger passphraseCalls = new AtomicInteger();
        HttpAuth httpAuth = HttpAuth.builder()
                .connections(List.of(apiKeyConnection("vault", "api-key")))
                .vault(vault, () -> {
                    passphraseCalls.incrementAndGet();
                    return "vault passphrase".toCharArray();
                })
                .build();

        Either<AuthError, RequestCredentials> first = httpAuth.authorize("key", REQUEST);
        Either<AuthError, RequestCredentials> second = httpAuth.authorize("key", REQUEST);

        assertThat(headerValue(first)).isEqualTo("vault-key-value");
        assertThat(headerValue(second)).isEqualTo("vault-key-value");
        assertThat(passphraseCalls).hasValue(1);
    }

    @Test
    void builderWithVaultKeyFileResolvesRef() {
        Path keyFile = SecretFiles.keyFile(directory.resolve("vault.key"));
        Path vault = directory.resolve("secrets.vault");
        VaultFile.create(vault, VaultKey.keyFile(keyFile)).flatMap(created -> created.set("api-key", Secret.of("key-file-value")))
                .getOrElseThrow(error -> new AssertionError(error.message()));
        HttpAuth httpAuth = HttpAuth.builder()
                .connections(List.of(apiKeyConnection("vault", "api-key")))
                .vaultKeyFile(vault, keyFile)
                .build();

        Either<AuthError, RequestCredentials> credentials = httpAuth.authorize("key", REQUEST);

        assertThat(headerValue(credentials)).isEqualTo("key-file-value");
    }

    @Test
    void builderWithPkcs12ResolvesRef() {
        Path keyStore = SecretFiles.pkcs12(directory.resolve("secrets.p12"), "store password", Map.of("api-key", "pkcs12-value"));
        HttpAuth httpAuth = HttpAuth.builder()
                .connections(List.of(apiKeyConnection("pkcs12", "api-key")))
                .pkcs12(keyStore, "store password"::toCharArray)
                .build();

        Either<AuthError, RequestCredentials> credentials = httpAuth.authorize("key", REQUEST);

        assertThat(headerValue(credentials)).isEqualTo("pkcs12-value");
    }

    @Test
    void vaultRefWithoutVaultNamesBuilderMethod() {
        HttpAuth httpAuth = HttpAuth.builder().connections(List.of(apiKeyConnection("vault", "api-key"))).build();

        Either<AuthError, RequestCredentials> credentials = httpAuth.authorize("key", REQUEST);

        assertThat(credentials.getLeft()).isInstanceOf(AuthError.SecretUnavailable.class);
        assertThat(credentials.getLeft().message()).isEqualTo("Secret vault:api-key is unavailable: no vault is configured:"
                + " call HttpAuthModule.withVault or withVaultKeyFile, or HttpAuth.Builder.vault or vaultKeyFile");
    }

    @Test
    void pkcs12RefWithoutKeyStoreNamesBuilderMethod() {
        HttpAuth httpAuth = HttpAuth.builder().connections(List.of(apiKeyConnection("pkcs12", "api-key"))).build();

        Either<AuthError, RequestCredentials> credentials = httpAuth.authorize("key", REQUEST);

        assertThat(credentials.getLeft().message()).contains("no PKCS#12 keystore is configured: call HttpAuthModule.withPkcs12");
    }

    @Test
    void supplierWithoutKeyMakesSecretUnavailable() {
        Path vault = passphraseVault("vault passphrase", "api-key", "vault-key-value");
        HttpAuth httpAuth = HttpAuth.builder()
                .connections(List.of(apiKeyConnection("vault", "api-key")))
                .vault(vault, () -> {
                    throw new KeyUnavailableException("the passphrase service is down: try again later");
                })
                .build();

        Either<AuthError, RequestCredentials> credentials = httpAuth.authorize("key", REQUEST);

        assertThat(credentials.getLeft().message())
                .isEqualTo("Secret vault:api-key is unavailable: the passphrase service is down: try again later");
    }

    @Test
    void moduleWithVaultBindsVaultStore() {
        Path vault = passphraseVault("vault passphrase", "api-key", "module-value");
        HttpAuthModule module = new HttpAuthModule(new InMemoryConnections(List.of(apiKeyConnection("vault", "api-key"))))
                .withVault(vault, "vault passphrase"::toCharArray);

        Either<AuthError, RequestCredentials> credentials = Guice.createInjector(module).getInstance(AuthorizeRequestUseCase.class)
                .authorize("key", REQUEST);

        assertThat(headerValue(credentials)).isEqualTo("module-value");
    }

    @Test
    void negativeRotationCheckIsRejected() {
        HttpAuth.Builder builder = HttpAuth.builder()
                .connections(List.of(apiKeyConnection("vault", "api-key")))
                .secretRotationCheck(Duration.ofSeconds(-1));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The secret rotation check interval must not be negative, but was PT-1S");
    }

    private Path passphraseVault(String passphrase, String name, String value) {
        Path vault = directory.resolve("secrets.vault");
        VaultFile.create(vault, VaultKey.passphrase(passphrase.toCharArray(), CHEAP_ARGON2))
                .flatMap(created -> created.set(name, Secret.of(value)))
                .getOrElseThrow(error -> new AssertionError(error.message()));
        return vault;
    }

    private static Connection apiKeyConnection(String scheme, String key) {
        return new Connection("key", ApiKey.inHeader("X-API-Key", new SecretRef(scheme, key)));
    }

    private static String headerValue(Either<AuthError, RequestCredentials> credentials) {
        assertThat(credentials.isRight()).as(String.valueOf(credentials)).isTrue();
        return credentials.get().headers().getFirst().value().reveal();
    }
}
