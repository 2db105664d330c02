package dev.httpauth.app.cli;

import dev.httpauth.app.fixture.LoopbackServices;
import dev.httpauth.app.fixture.RecordingTokenEndpoint;
import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderCommandTest {

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
    void headerMasksBasicCredentialsByDefault() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("header", "basic", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String fingerprint = Secret.of(services.basicCredentials()).fingerprint();
        assertThat(result.out()).isEqualTo("Authorization: Basic **** (" + fingerprint + ")\n");
    }

    @Test
    void headerRevealsBasicCredentialsWhenAsked() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("header", "basic", "--reveal", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Authorization: Basic " + services.basicCredentials() + "\n");
    }

    @Test
    void headerMasksApiKeyHeaderWhole() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result masked = CliRun.in(directory).run("header", "api-key-header", "--config", config.toString());
        CliRun.Result revealed = CliRun.in(directory).run("header", "api-key-header", "--reveal", "--config", config.toString());

        String fingerprint = Secret.of(services.apiKey()).fingerprint();
        assertThat(masked.out()).isEqualTo(LoopbackServices.API_KEY_HEADER + ": **** (" + fingerprint + ")\n");
        assertThat(revealed.out()).isEqualTo(LoopbackServices.API_KEY_HEADER + ": " + services.apiKey() + "\n");
    }

    @Test
    void headerPrintsApiKeyQueryParameter() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result masked = CliRun.in(directory).run("header", "api-key-query", "--config", config.toString());
        CliRun.Result revealed = CliRun.in(directory).run("header", "api-key-query", "--reveal", "--config", config.toString());

        String fingerprint = Secret.of(services.apiKey()).fingerprint();
        assertThat(masked.out()).isEqualTo("?" + LoopbackServices.API_KEY_QUERY_PARAMETER + "=**** (" + fingerprint + ")\n");
        assertThat(revealed.out()).isEqualTo("?" + LoopbackServices.API_KEY_QUERY_PARAMETER + "=" + services.apiKey() + "\n");
    }

    @Test
    void headerMasksBearerTokenWithTokenFingerprint() {
        Path config = services.writeConnectionsFile(directory);
        RecordingTokenEndpoint tokenEndpoint = new RecordingTokenEndpoint();

        CliRun.Result result = CliRun.in(directory, tokenEndpoint.module()).run("header", "oauth", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Secret token = tokenEndpoint.issuedTokens().getFirst();
        assertThat(result.out()).isEqualTo("Authorization: Bearer **** (" + token.fingerprint() + ")\n");
    }

    @Test
    void headerRevealsBearerToken() {
        Path config = services.writeConnectionsFile(directory);
        RecordingTokenEndpoint tokenEndpoint = new RecordingTokenEndpoint();

        CliRun.Result result = CliRun.in(directory, tokenEndpoint.module()).run("header", "oauth", "--reveal", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Authorization: Bearer " + tokenEndpoint.issuedTokens().getFirst().reveal() + "\n");
    }

    @Test
    void headerWithWrongClientSecretExitsOne() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("header", "oauth-wrong-secret", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("httpauth: ").contains("invalid_client").doesNotContain(services.wrongSecret());
    }
}
