package dev.httpauth.app.cli;

import dev.httpauth.app.fixture.LoopbackServices;
import dev.httpauth.app.fixture.RecordingTokenEndpoint;
import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestCommandTest {

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
    void testObtainsTokenAndShowsOnlyItsFingerprint() {
        Path config = services.writeConnectionsFile(directory);
        RecordingTokenEndpoint tokenEndpoint = new RecordingTokenEndpoint();

        CliRun.Result result = CliRun.in(directory, tokenEndpoint.module()).run("test", "oauth", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(tokenEndpoint.issuedTokens()).hasSize(1);
        Secret token = tokenEndpoint.issuedTokens().getFirst();
        assertThat(result.out())
                .contains("Testing connection 'oauth' (oauth2-client-credentials)")
                .contains("[PASS] configuration valid:")
                .contains("[PASS] secrets resolved:")
                .contains("[PASS] token endpoint reached: " + services.authorizationServer().tokenEndpoint())
                .contains("[PASS] token obtained:")
                .contains("fingerprint " + token.fingerprint())
                .contains("PASSED: connection 'oauth' is ready");
        assertThat(result.all()).doesNotContain(token.reveal()).doesNotContain(services.clientSecret());
    }

    @Test
    void testWithWrongClientSecretFails() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("test", "oauth-wrong-secret", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out())
                .contains("[PASS] token endpoint reached:")
                .contains("[FAIL] token obtained:")
                .contains("invalid_client")
                .contains("FAILED: connection 'oauth-wrong-secret' failed at 'token obtained'");
        assertThat(result.out()).doesNotContain(services.wrongSecret());
        assertThat(result.err()).doesNotContain(services.wrongSecret());
    }

    @Test
    void testWithJsonPrintsStepsAsJson() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("test", "oauth", "--json", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(result.out());
        assertThat(report.get("connection").asString()).isEqualTo("oauth");
        assertThat(report.get("method").asString()).isEqualTo("oauth2-client-credentials");
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("error").isNull()).isTrue();
        assertThat(report.get("steps").size()).isEqualTo(4);
        JsonNode lastStep = report.get("steps").get(3);
        assertThat(lastStep.get("name").asString()).isEqualTo("token obtained");
        assertThat(lastStep.get("outcome").asString()).isEqualTo("passed");
        assertThat(lastStep.get("detail").asString()).contains("fingerprint sha256:");
    }

    @Test
    void testWithJsonReportsErrorTypeWhenRejected() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("test", "oauth-wrong-secret", "--json", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        JsonNode report = JsonMapper.builder().build().readTree(result.out());
        assertThat(report.get("passed").asBoolean()).isFalse();
        assertThat(report.get("error").get("type").asString()).isEqualTo("TokenRequestRejected");
        assertThat(report.get("error").get("message").asString()).contains("invalid_client");
    }

    @Test
    void testOfBasicConnectionBuildsCredentialsWithoutServer() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("test", "basic", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[PASS] credentials built:").contains("user '" + LoopbackServices.USERNAME + "'");
    }

    @Test
    void testOfUnknownConnectionListsIds() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("test", "crm", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).contains("Unknown connection 'crm'").contains("basic").contains("oauth-wrong-secret");
    }
}
