package dev.httpauth.app.cli;

import dev.httpauth.app.fixture.LoopbackServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionsCommandTest {

    private static LoopbackServices services;

    @TempDir
    private Path directory;

    @BeforeAll
    static void startServers() {
        services = LoopbackServices.start();
    }

    @AfterAll
    static void stopServers() {
        services.close();
    }

    @Test
    void connectionsListsEveryConnectionWithTarget() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("connections", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("Connections in " + config)
                .containsPattern("basic +basic +user 'alice' +ok")
                .containsPattern("api-key-header +api-key +header X-API-Key +ok")
                .containsPattern("api-key-query +api-key +query parameter api_key +ok")
                .containsPattern("oauth +oauth2-client-credentials +client 'test-client' at 127\\.0\\.0\\.1:\\d+ +ok")
                .contains("6 connections, all usable");
    }

    @Test
    void connectionsWithJsonPrintsEveryConnection() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("connections", "--json", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode list = JsonMapper.builder().build().readTree(result.out());
        assertThat(list.get("file").asString()).isEqualTo(config.toString());
        assertThat(list.get("connections").size()).isEqualTo(6);
        JsonNode first = list.get("connections").get(0);
        assertThat(first.get("id").asString()).isEqualTo("api-key-header");
        assertThat(first.get("type").asString()).isEqualTo("api-key");
        assertThat(first.get("usable").asBoolean()).isTrue();
        assertThat(first.get("problems").size()).isZero();
    }

    @Test
    void connectionsReportsUnresolvableSecretAndExitsTwo() throws IOException {
        Path config = directory.resolve("connections.json");
        Files.writeString(config, """
                {"connections": {"billing": {"auth": {"type": "basic", "username": "apiuser", "password": "file:%s"}}}}
                """.formatted(directory.resolve("no-such-secret")));

        CliRun.Result result = CliRun.in(directory).run("connections", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out())
                .containsPattern("billing +basic +user 'apiuser' +1 problem")
                .contains("connections.billing.auth.password:")
                .contains("1 connection, 1 with problems");
    }

    @Test
    void connectionsReportsInvalidFile() throws IOException {
        Path config = directory.resolve("connections.json");
        Files.writeString(config, """
                {"connections": {
                  "billing": {"auth": {"type": "basic", "password": "env:BILLING_PASSWORD"}},
                  "maps": {"auth": {"type": "api-key", "in": "header", "name": "X API Key", "value": "env:MAPS_KEY"}}
                }}
                """);

        CliRun.Result result = CliRun.in(directory).run("connections", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("httpauth: Invalid configuration in ")
                .contains("connections.billing.auth.username")
                .contains("connections.maps.auth.name");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void connectionsWithoutConfigNamesPlacesTried() {
        CliRun.Result result = CliRun.in(directory).run("connections");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("httpauth: No connections file found")
                .contains("--config")
                .contains("$HTTPAUTH_CONFIG")
                .contains("connections.json, connections.yaml, connections.yml")
                .contains(directory.toAbsolutePath().toString());
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void connectionsWithMissingConfigOptionFileExitsTwo() {
        CliRun.Result result = CliRun.in(directory).run("connections", "--config", "nowhere.json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains(directory.resolve("nowhere.json").toString())
                .contains("from --config")
                .contains("does not exist");
    }

    @Test
    void connectionsReadsFileNamedByEnvironmentVariable() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory)
                .withVariables(Map.of("HTTPAUTH_CONFIG", config.toString()))
                .run("connections");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Connections in " + config);
    }

    @Test
    void connectionsResolvesEnvRefsFromCommandEnvironment() throws IOException {
        Path config = directory.resolve("connections.json");
        Files.writeString(config, """
                {"connections": {"billing": {"auth": {"type": "basic", "username": "apiuser", "password": "env:BILLING_PASSWORD"}}}}
                """);

        CliRun.Result withVariable = CliRun.in(directory)
                .withVariables(Map.of("BILLING_PASSWORD", "canary-env-password"))
                .run("connections", "--config", config.toString());
        CliRun.Result withoutVariable = CliRun.in(directory).run("connections", "--config", config.toString());

        assertThat(withVariable.exitCode()).as(withVariable.toString()).isZero();
        assertThat(withVariable.all()).doesNotContain("canary-env-password");
        assertThat(withoutVariable.exitCode()).as(withoutVariable.toString()).isEqualTo(2);
        assertThat(withoutVariable.out()).contains("env:BILLING_PASSWORD");
    }

    @Test
    void connectionsReadsFileInWorkingDirectory() {
        services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("connections");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Connections in " + directory.resolve("connections.json"));
    }

    @Test
    void configOptionIsAcceptedBeforeCommand() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory.getRoot()).run("--config", config.toString(), "connections");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Connections in " + config);
    }
}
