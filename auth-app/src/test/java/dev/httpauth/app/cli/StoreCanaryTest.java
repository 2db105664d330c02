package dev.httpauth.app.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Module;
import dev.httpauth.adapters.store.InMemorySecretStore;
import dev.httpauth.adapters.store.SecretStores;
import dev.httpauth.app.fixture.LoopbackServices;
import dev.httpauth.app.fixture.SecretFiles;
import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes a canary secret into every store (env, file, vault, pkcs12, memory), reads it through
 * every command that reads secrets, with --verbose, and searches the output, the log lines and
 * the exceptions attached to them for it. Only --reveal may print it.
 */
class StoreCanaryTest {

    private static final List<String> STORES = List.of("env", "file", "vault", "pkcs12", "memory");
    private static final String KEYSTORE_PASSWORD = "keystore-password-c0ffee";
    private static final String VAULT_PASSPHRASE = "vault-passphrase-decaf";

    private static LoopbackServices services;

    @TempDir
    private Path directory;

    private final ListAppender<ILoggingEvent> logLines = new ListAppender<>();
    private final Map<String, String> canaries = new LinkedHashMap<>();
    private final InMemorySecretStore memoryStore = new InMemorySecretStore();

    @BeforeAll
    static void startServers() {
        services = LoopbackServices.start();
    }

    @AfterAll
    static void stopServers() {
        services.close();
    }

    @BeforeEach
    void captureLogs() {
        logLines.start();
        rootLogger().addAppender(logLines);
    }

    @AfterEach
    void stopCapturingLogs() {
        rootLogger().detachAppender(logLines);
    }

    @Test
    void canaryOfEveryStoreStaysHiddenUnlessRevealed() throws IOException {
        CliRun cli = writeStores();
        List<CliRun.Result> results = new ArrayList<>();
        Map<String, CliRun.Result> headers = new LinkedHashMap<>();

        for (String store : STORES) {
            CliRun storeCli = "memory".equals(store) ? memoryCli() : cli;
            String config = "memory".equals(store) ? "memory.json" : "connections.json";
            headers.put(store, storeCli.run("--verbose", "header", "key-" + store, "--config", config));
            for (String connection : List.of("key-" + store, "oauth-" + store)) {
                results.add(storeCli.run("--verbose", "test", connection, "--config", config));
                results.add(storeCli.run("--verbose", "test", connection, "--json", "--config", config));
                results.add(storeCli.run("--verbose", "header", connection, "--config", config));
                results.add(storeCli.run("--verbose", "request", connection, services.resource().uri("/api-key").toString(), "-i", "--config", config));
            }
            results.add(storeCli.run("--verbose", "connections", "--config", config));
            results.add(storeCli.run("--verbose", "connections", "--json", "--config", config));
        }
        results.add(cli.run("--verbose", "secrets", "list"));
        results.add(cli.run("--verbose", "secrets", "get", "canary"));
        results.add(cli.withInput(canaries.get("vault") + "\n").run("--verbose", "secrets", "set", "copy"));
        results.add(cli.withTerminal(ScriptedTerminal.answering("wrong passphrase"))
                .withVariables(Map.of("HTTPAUTH_VAULT", "secrets.vault"))
                .run("--verbose", "header", "key-vault"));
        CliRun.Result revealedHeader = cli.run("header", "key-pkcs12", "--reveal");
        CliRun.Result revealedVault = cli.run("secrets", "get", "copy", "--reveal");

        results.addAll(headers.values());
        headers.forEach((store, header) -> assertThat(header.out()).as("the %s store was read: %s", store, header)
                .isEqualTo("X-API-Key: **** (" + Secret.of(canaries.get(store)).fingerprint() + ")\n"));
        List<String> logged = loggedText();
        assertThat(logged).as("verbose logging is on").anyMatch(line -> line.contains("invalid_client"));
        for (Map.Entry<String, String> canary : canaries.entrySet()) {
            assertThat(results).as(canary.getKey()).allSatisfy(result -> assertThat(result.all()).doesNotContain(canary.getValue()));
            assertThat(logged).as(canary.getKey()).allSatisfy(line -> assertThat(line).doesNotContain(canary.getValue()));
        }
        assertThat(results).allSatisfy(result -> assertThat(result.all()).doesNotContain("canary-store-"));
        assertThat(revealedHeader.out()).isEqualTo("X-API-Key: " + canaries.get("pkcs12") + "\n");
        assertThat(revealedVault.out()).isEqualTo(canaries.get("vault") + "\n");
    }

    /**
     * Writes a canary into each store, a connections file whose {@code key-STORE} connections
     * send it as an API key and whose {@code oauth-STORE} connections send it as a client secret
     * that the authorization server rejects, and returns a command line configured for all stores.
     */
    private CliRun writeStores() throws IOException {
        for (String store : STORES) {
            canaries.put(store, canary(store));
        }
        Path passphraseFile = SecretFiles.ownerOnly(directory.resolve("passphrase"), VAULT_PASSPHRASE);
        Path canaryFile = SecretFiles.ownerOnly(directory.resolve("canary"), canaries.get("file"));
        SecretFiles.pkcs12(directory.resolve("secrets.p12"), KEYSTORE_PASSWORD, Map.of("canary", canaries.get("pkcs12")));
        memoryStore.put("canary", Secret.of(canaries.get("memory")));

        CliRun cli = CliRun.in(directory).withVariables(Map.of(
                "CANARY", canaries.get("env"),
                "P12_PASSWORD", KEYSTORE_PASSWORD,
                "HTTPAUTH_VAULT", "secrets.vault",
                "HTTPAUTH_VAULT_PASSPHRASE_FILE", passphraseFile.toString(),
                "HTTPAUTH_PKCS12", "secrets.p12",
                "HTTPAUTH_PKCS12_PASSWORD_REF", "env:P12_PASSWORD"));
        CliRun.Result stored = cli.withInput(canaries.get("vault")).run("secrets", "set", "canary", "--create");
        assertThat(stored.exitCode()).as(stored.toString()).isZero();

        Map<String, String> refs = Map.of(
                "env", "env:CANARY",
                "file", "file:" + canaryFile,
                "vault", "vault:canary",
                "pkcs12", "pkcs12:canary",
                "memory", "memory:canary");
        Files.writeString(directory.resolve("connections.json"), connectionsJson(refs, List.of("env", "file", "vault", "pkcs12")));
        Files.writeString(directory.resolve("memory.json"), connectionsJson(refs, List.of("memory")));
        return cli;
    }

    private CliRun memoryCli() {
        Module memory = binder -> binder.bind(SecretStores.class).toInstance(SecretStores.standard().with("memory", memoryStore));
        return CliRun.in(directory, memory);
    }

    private static String connectionsJson(Map<String, String> refs, List<String> stores) {
        List<String> connections = new ArrayList<>();
        for (String store : stores) {
            connections.add("""
                    "key-%1$s": { "auth": { "type": "api-key", "in": "header", "name": "%2$s", "value": "%3$s" } },
                    "oauth-%1$s": { "auth": { "type": "oauth2-client-credentials", "tokenEndpoint": "%4$s",
                                              "clientId": "%5$s", "clientSecret": "%3$s" } }"""
                    .formatted(store, LoopbackServices.API_KEY_HEADER, refs.get(store), services.authorizationServer().tokenEndpoint(),
                            LoopbackServices.CLIENT_ID));
        }
        return "{ \"connections\": {\n" + String.join(",\n", connections) + "\n} }\n";
    }

    /** Returns every captured log line, and the message of every exception attached to one, with its causes. */
    private List<String> loggedText() {
        List<String> text = new ArrayList<>();
        for (ILoggingEvent event : logLines.list) {
            text.add(event.getFormattedMessage());
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                text.add(thrown.getClassName() + ": " + thrown.getMessage());
            }
        }
        return text;
    }

    private static String canary(String store) {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "canary-store-" + store + "-" + HexFormat.of().formatHex(bytes);
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
