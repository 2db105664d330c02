package dev.httpauth.app.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.httpauth.app.fixture.LoopbackServices;
import dev.httpauth.app.fixture.SecretFiles;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every command on every connection with --verbose and searches all output and log lines for the secrets. */
class SecretLeakTest {

    private static LoopbackServices services;

    @TempDir
    private Path directory;

    private final ListAppender<ILoggingEvent> logLines = new ListAppender<>();

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
    void noCommandPrintsOrLogsSecretValue() {
        Path config = services.writeConnectionsFile(directory);
        List<String> connections = List.of("basic", "basic-wrong-password", "api-key-header", "api-key-query", "oauth", "oauth-wrong-secret");
        List<CliRun.Result> results = new ArrayList<>();

        for (String connection : connections) {
            String url = services.resource().uri("/basic").toString();
            results.add(CliRun.in(directory).run("--verbose", "test", connection, "--config", config.toString()));
            results.add(CliRun.in(directory).run("--verbose", "test", connection, "--json", "--config", config.toString()));
            results.add(CliRun.in(directory).run("--verbose", "header", connection, "--config", config.toString()));
            results.add(CliRun.in(directory).run("--verbose", "request", connection, url, "-i", "--config", config.toString()));
        }
        results.add(CliRun.in(directory).run("--verbose", "connections", "--config", config.toString()));
        results.add(CliRun.in(directory).run("--verbose", "connections", "--json", "--config", config.toString()));

        List<String> logged = logLines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).as("verbose logging is on, so token requests are logged").anyMatch(line -> line.contains("obtained a token"));
        assertThat(logged).anyMatch(line -> line.contains("invalid_client"));
        for (String secret : services.secretForms()) {
            assertThat(results).allSatisfy(result -> assertThat(result.all()).doesNotContain(secret));
            assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain(secret));
        }
        assertThat(String.join("\n", logged)).doesNotContain(LoopbackServices.CANARY_PREFIX);
        assertThat(results).allSatisfy(result -> assertThat(result.all()).doesNotContain(LoopbackServices.CANARY_PREFIX));
    }

    @Test
    void usageErrorsShowNoSecretValue() throws IOException {
        Path config = services.writeConnectionsFile(directory);
        Path storeRefs = Files.writeString(directory.resolve("store-refs.json"), """
                { "connections": {
                    "vault-ref": { "auth": { "type": "basic", "username": "alice", "password": "vault:basic-password" } },
                    "pkcs12-ref": { "auth": { "type": "api-key", "in": "header", "name": "X-API-Key", "value": "pkcs12:api-key" } } } }
                """);
        SecretFiles.keyFile(directory.resolve("vault.key"));
        String url = services.resource().uri("/basic").toString();
        String password = services.basicPassword();
        CliRun cli = CliRun.in(directory);
        CliRun vault = cli.withVariables(Map.of("HTTPAUTH_VAULT", "secrets.vault", "HTTPAUTH_VAULT_KEY_FILE", "vault.key"));
        List<CliRun.Result> results = new ArrayList<>();

        results.add(cli.run("--verbose", "header", "vault-ref", "--config", storeRefs.toString()));
        results.add(cli.run("--verbose", "test", "pkcs12-ref", "--config", storeRefs.toString()));
        results.add(cli.run("--verbose", "header", "vault-ref", "--vault", "missing.vault", "--config", storeRefs.toString()));
        results.add(cli.run("--verbose", "request", "basic", "http://alice:" + password + "@[::1", "--config", config.toString()));
        results.add(cli.run("--verbose", "request", "basic", "http://alice:" + password + "@127.0.0.1:1/", "--config", config.toString()));
        results.add(cli.run("--verbose", "request", "basic", "alice:" + password + "@127.0.0.1/", "--config", config.toString()));
        results.add(cli.run("--verbose", "header", "basic", "--url", "https://" + password + "@127.0.0.1/", "--config", config.toString()));
        results.add(cli.run("--verbose", "request", "basic", url, "-d", "@missing.txt", "--config", config.toString()));
        results.add(cli.run("--verbose", "request", "basic", url, "-d", "@", "--config", config.toString()));
        results.add(cli.run("--verbose", "request", "basic", url, "-X", "GE T", "--config", config.toString()));
        results.add(cli.run("--verbose", "request", "basic", url, "-m", "0", "--config", config.toString()));
        results.add(vault.withInput(password).run("--verbose", "secrets", "set", "bad name", "--create"));
        results.add(vault.withInput(password).run("--verbose", "secrets", "set", "crm", "--create"));
        results.add(vault.run("--verbose", "secrets", "get", "bad name"));
        results.add(vault.run("--verbose", "secrets", "rm", "bad name"));

        assertThat(results).allSatisfy(result -> assertThat(result.exitCode()).as(result.toString()).isIn(0, 2));
        List<String> logged = logLines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        for (String secret : services.secretForms()) {
            assertThat(results).allSatisfy(result -> assertThat(result.all()).doesNotContain(secret));
            assertThat(logged).allSatisfy(line -> assertThat(line).doesNotContain(secret));
        }
    }

    @Test
    void verboseAfterCommandLogsTokenRequests() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("test", "oauth", "--verbose", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(logLines.list).anyMatch(event -> event.getFormattedMessage().contains("obtained a token"));
    }

    @Test
    void verboseSettingEndsWithCommand() {
        Path config = services.writeConnectionsFile(directory);
        CliRun.in(directory).run("--verbose", "test", "oauth", "--config", config.toString());
        logLines.list.clear();

        CliRun.in(directory).run("test", "oauth", "--config", config.toString());

        assertThat(logLines.list).noneMatch(event -> event.getFormattedMessage().contains("obtained a token"));
    }

    private static Logger rootLogger() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
