package dev.httpauth.app;

import dev.httpauth.adapters.store.vault.VaultFile;
import dev.httpauth.adapters.store.vault.VaultKey;
import dev.httpauth.app.fixture.MutableClock;
import dev.httpauth.app.fixture.SecretFiles;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.testkit.LoopbackAuthorizationServer;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** A rotated secret takes effect without a restart: at once for Basic, after the check interval for a cached OAuth token. */
class SecretRotationTest {

    private static final OutgoingRequest REQUEST = OutgoingRequest.of("GET", URI.create("https://api.example.com/items"));
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(30);
    private static final String CLIENT_ID = "rotating-client";
    private static final String OTHER_CLIENT_ID = "steady-client";

    @TempDir
    private Path directory;

    private LoopbackAuthorizationServer authorizationServer;
    private final MutableClock clock = new MutableClock(Instant.now());

    @BeforeEach
    void startServer() {
        authorizationServer = LoopbackAuthorizationServer.start();
    }

    @AfterEach
    void stopServer() {
        authorizationServer.close();
    }

    @Test
    void rotatedFileSecretTakesEffectAfterInterval() {
        Path secretFile = SecretFiles.ownerOnly(directory.resolve("client-secret"), "first-secret-1a2b");
        authorizationServer.registerClient(CLIENT_ID, "first-secret-1a2b");
        HttpAuth httpAuth = httpAuth(oauthConnections("file:" + secretFile, "file:" + steadySecretFile()));
        String firstToken = bearer(httpAuth.authorize("rotating", REQUEST));

        rotate(secretFile, "second-secret-3c4d");
        clock.advance(CHECK_INTERVAL.minusSeconds(1));
        String beforeCheck = bearer(httpAuth.authorize("rotating", REQUEST));
        int requestsBeforeCheck = authorizationServer.tokenRequestCount();
        clock.advance(Duration.ofSeconds(1));
        String atCheck = bearer(httpAuth.authorize("rotating", REQUEST));
        String refreshed = awaitTokenOtherThan(httpAuth, firstToken);

        assertThat(beforeCheck).as("the token stays until the check is due").isEqualTo(firstToken);
        assertThat(requestsBeforeCheck).isEqualTo(1);
        assertThat(atCheck).as("the check starts a background refresh and keeps the valid token").isEqualTo(firstToken);
        assertThat(refreshed).as("the server accepts only the new secret").isNotEqualTo(firstToken);
        assertThat(authorizationServer.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void unchangedSecretKeepsToken() {
        Path secretFile = SecretFiles.ownerOnly(directory.resolve("client-secret"), "first-secret-1a2b");
        authorizationServer.registerClient(CLIENT_ID, "first-secret-1a2b");
        HttpAuth httpAuth = httpAuth(oauthConnections("file:" + secretFile, "file:" + steadySecretFile()));
        String firstToken = bearer(httpAuth.authorize("rotating", REQUEST));

        clock.advance(CHECK_INTERVAL);
        String afterFirstCheck = bearer(httpAuth.authorize("rotating", REQUEST));
        SecretFiles.ownerOnly(secretFile, "first-secret-1a2b\n");
        clock.advance(CHECK_INTERVAL);
        String afterSecondCheck = bearer(httpAuth.authorize("rotating", REQUEST));

        assertThat(afterFirstCheck).isEqualTo(firstToken);
        assertThat(afterSecondCheck).as("a rewritten file with the same value is no rotation").isEqualTo(firstToken);
        assertThat(authorizationServer.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void rotationKeepsTokensOfOtherClients() {
        Path secretFile = SecretFiles.ownerOnly(directory.resolve("client-secret"), "first-secret-1a2b");
        authorizationServer.registerClient(CLIENT_ID, "first-secret-1a2b");
        HttpAuth httpAuth = httpAuth(oauthConnections("file:" + secretFile, "file:" + steadySecretFile()));
        bearer(httpAuth.authorize("rotating", REQUEST));
        String steadyToken = bearer(httpAuth.authorize("steady", REQUEST));

        rotate(secretFile, "second-secret-3c4d");
        clock.advance(CHECK_INTERVAL);
        awaitTokenOtherThan(httpAuth, bearer(httpAuth.authorize("rotating", REQUEST)));
        String steadyAfterCheck = bearer(httpAuth.authorize("steady", REQUEST));

        assertThat(steadyAfterCheck).isEqualTo(steadyToken);
        assertThat(authorizationServer.tokenRequestCount()).isEqualTo(3);
    }

    @Test
    void unavailableSecretDuringCheckKeepsToken() throws IOException {
        Path secretFile = SecretFiles.ownerOnly(directory.resolve("client-secret"), "first-secret-1a2b");
        authorizationServer.registerClient(CLIENT_ID, "first-secret-1a2b");
        HttpAuth httpAuth = httpAuth(oauthConnections("file:" + secretFile, "file:" + steadySecretFile()));
        String firstToken = bearer(httpAuth.authorize("rotating", REQUEST));

        Files.delete(secretFile);
        clock.advance(CHECK_INTERVAL);
        Either<AuthError, RequestCredentials> afterCheck = httpAuth.authorize("rotating", REQUEST);

        assertThat(bearer(afterCheck)).isEqualTo(firstToken);
        assertThat(authorizationServer.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void rotatedVaultSecretTakesEffectAfterInterval() {
        Path keyFile = SecretFiles.keyFile(directory.resolve("vault.key"));
        Path vaultFile = directory.resolve("secrets.vault");
        VaultFile vault = VaultFile.create(vaultFile, VaultKey.keyFile(keyFile))
                .flatMap(created -> created.set("client-secret", Secret.of("first-secret-1a2b")))
                .flatMap(written -> written.set("steady-secret", Secret.of("steady-secret-5e6f")))
                .getOrElseThrow(error -> new AssertionError(error.message()));
        authorizationServer.registerClient(CLIENT_ID, "first-secret-1a2b").registerClient(OTHER_CLIENT_ID, "steady-secret-5e6f");
        HttpAuth httpAuth = HttpAuth.builder()
                .connectionsFile(oauthConnections("vault:client-secret", "vault:steady-secret"))
                .vaultKeyFile(vaultFile, keyFile)
                .clock(clock)
                .secretRotationCheck(CHECK_INTERVAL)
                .build();
        String firstToken = bearer(httpAuth.authorize("rotating", REQUEST));

        vault.set("client-secret", Secret.of("second-secret-3c4d")).getOrElseThrow(error -> new AssertionError(error.message()));
        authorizationServer.registerClient(CLIENT_ID, "second-secret-3c4d");
        clock.advance(CHECK_INTERVAL);
        httpAuth.authorize("rotating", REQUEST);
        String refreshed = awaitTokenOtherThan(httpAuth, firstToken);

        assertThat(refreshed).isNotEqualTo(firstToken);
        assertThat(authorizationServer.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void rotatedBasicPasswordTakesEffectAtOnce() throws IOException {
        Path passwordFile = SecretFiles.ownerOnly(directory.resolve("password"), "first-password");
        Path config = Files.writeString(directory.resolve("basic.json"), """
                { "connections": { "basic": { "auth": { "type": "basic", "username": "alice", "password": "file:%s" } } } }
                """.formatted(passwordFile));
        HttpAuth httpAuth = HttpAuth.builder().connectionsFile(config).clock(clock).build();
        String first = httpAuth.authorize("basic", REQUEST).get().headers().getFirst().value().reveal();

        SecretFiles.ownerOnly(passwordFile, "second-password");
        String second = httpAuth.authorize("basic", REQUEST).get().headers().getFirst().value().reveal();

        assertThat(first).isEqualTo("Basic " + base64("alice:first-password"));
        assertThat(second).isEqualTo("Basic " + base64("alice:second-password"));
    }

    private HttpAuth httpAuth(Path connectionsFile) {
        return HttpAuth.builder()
                .connectionsFile(connectionsFile)
                .clock(clock)
                .secretRotationCheck(CHECK_INTERVAL)
                .build();
    }

    /** Writes the connections {@code rotating} and {@code steady}, two OAuth clients of the loopback server. */
    private Path oauthConnections(String rotatingSecretRef, String steadySecretRef) {
        try {
            return Files.writeString(directory.resolve("connections.json"), """
                    {
                      "connections": {
                        "rotating": { "auth": { "type": "oauth2-client-credentials", "tokenEndpoint": "%1$s",
                                                "clientId": "%2$s", "clientSecret": "%3$s" } },
                        "steady": { "auth": { "type": "oauth2-client-credentials", "tokenEndpoint": "%1$s",
                                              "clientId": "%4$s", "clientSecret": "%5$s" } }
                      }
                    }
                    """.formatted(authorizationServer.tokenEndpoint(), CLIENT_ID, rotatingSecretRef, OTHER_CLIENT_ID, steadySecretRef));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path steadySecretFile() {
        authorizationServer.registerClient(OTHER_CLIENT_ID, "steady-secret-5e6f");
        return SecretFiles.ownerOnly(directory.resolve("steady-secret"), "steady-secret-5e6f");
    }

    /** Writes the new secret into the file and makes the server accept only the new one. */
    private void rotate(Path secretFile, String newSecret) {
        SecretFiles.ownerOnly(secretFile, newSecret);
        authorizationServer.registerClient(CLIENT_ID, newSecret);
    }

    /**
     * Returns the token of connection {@code rotating} once the background refresh has replaced
     * {@code oldToken}, or {@code oldToken} after 10 s, which fails the caller's assertion.
     */
    private static String awaitTokenOtherThan(HttpAuth httpAuth, String oldToken) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String current = bearer(httpAuth.authorize("rotating", REQUEST));
        while (current.equals(oldToken) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            current = bearer(httpAuth.authorize("rotating", REQUEST));
        }
        return current;
    }

    private static String bearer(Either<AuthError, RequestCredentials> credentials) {
        assertThat(credentials.isRight()).as(String.valueOf(credentials)).isTrue();
        return credentials.get().headers().getFirst().value().reveal();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(UTF_8));
    }
}
