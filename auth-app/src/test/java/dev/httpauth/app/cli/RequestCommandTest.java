package dev.httpauth.app.cli;

import dev.httpauth.app.fixture.EchoServer;
import dev.httpauth.app.fixture.LoopbackServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCommandTest {

    private static LoopbackServices services;
    private static EchoServer echo;

    @TempDir
    private Path directory;

    @BeforeAll
    static void startServers() {
        services = LoopbackServices.start();
        echo = EchoServer.start();
    }

    @AfterAll
    static void stopServers() {
        services.close();
        echo.close();
    }

    @ParameterizedTest
    @CsvSource({
            "basic, /basic, basic",
            "api-key-header, /api-key, api-key",
            "api-key-query, /api-key-query, api-key",
            "oauth, /bearer, bearer"})
    void requestIsAuthorizedByEveryMethod(String connection, String path, String method) {
        Path config = services.writeConnectionsFile(directory);
        String url = services.resource().uri(path).toString();

        CliRun.Result result = CliRun.in(directory).run("request", connection, url, "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("\"authorized\":true").contains("\"method\":\"" + method + "\"");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void requestWithWrongPasswordExitsOneOn401() {
        Path config = services.writeConnectionsFile(directory);
        String url = services.resource().uri("/basic").toString();

        CliRun.Result result = CliRun.in(directory).run("request", "basic-wrong-password", url, "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("\"authorized\":false");
        assertThat(result.err())
                .contains("returned HTTP 401")
                .contains("rejected the credentials of connection 'basic-wrong-password'")
                .doesNotContain(services.wrongSecret());
    }

    @Test
    void requestWithRejectedClientSendsNothing() {
        Path config = services.writeConnectionsFile(directory);
        String url = services.resource().uri("/bearer").toString();
        int resourceRequestsBefore = services.resource().requestCount();

        CliRun.Result result = CliRun.in(directory).run("request", "oauth-wrong-secret", url, "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("invalid_client");
        assertThat(services.resource().requestCount()).isEqualTo(resourceRequestsBefore);
    }

    @Test
    void requestWithIncludePrintsStatusLineAndHeaders() {
        Path config = services.writeConnectionsFile(directory);
        String url = services.resource().uri("/basic").toString();

        CliRun.Result result = CliRun.in(directory).run("request", "basic", url, "-i", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("HTTP/1.1 200\n").containsIgnoringCase("content-type: application/json");
    }

    @Test
    void requestWithDataPostsForm() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("request", "basic", echo.uri("/echo").toString(), "-d", "a=1", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        EchoServer.ReceivedRequest received = echo.lastRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo("a=1");
        assertThat(received.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
    }

    @Test
    void requestSendsFileMethodAndHeaders() throws Exception {
        Path config = services.writeConnectionsFile(directory);
        Files.writeString(directory.resolve("body.json"), "{\"a\":1}");

        CliRun.Result result = CliRun.in(directory).run("request", "basic", echo.uri("/echo").toString(),
                "-X", "put", "-d", "@body.json", "-H", "Content-Type: application/json", "-H", "X-Trace: 42", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        EchoServer.ReceivedRequest received = echo.lastRequest();
        assertThat(received.method()).isEqualTo("PUT");
        assertThat(received.body()).isEqualTo("{\"a\":1}");
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
        assertThat(received.header("X-Trace")).isEqualTo("42");
    }

    @Test
    void requestSendsDataFileWithSpacesUnchanged() throws Exception {
        Path config = services.writeConnectionsFile(directory);
        String json = "{\"name\": \"a b\", \"list\": [1, 2]}\n";
        Path body = Files.writeString(directory.resolve("body.json"), json);

        CliRun.Result result = CliRun.in(directory).run("request", "basic", echo.uri("/echo").toString(),
                "-d", "@" + body, "-H", "Content-Type: application/json", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(echo.lastRequest().body()).isEqualTo(json);
    }

    @Test
    void requestReplacesUserAuthorizationHeaderWithCredentials() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("request", "basic", echo.uri("/echo").toString(),
                "-H", "Authorization: Bearer user-given", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(echo.lastRequest().header("Authorization")).isEqualTo("Basic " + services.basicCredentials());
    }

    @Test
    void requestAppendsQueryKeyToExistingQuery() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("request", "api-key-query", echo.uri("/echo?page=2").toString(), "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(echo.lastRequest().rawQuery()).isEqualTo("page=2&" + LoopbackServices.API_KEY_QUERY_PARAMETER + "=" + services.apiKey());
    }

    @Test
    void requestMasksCredentialsThatServerEchoes() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("request", "basic", echo.uri("/echo").toString(), "-i", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(echo.lastRequest().header("Authorization")).contains(services.basicCredentials());
        assertThat(result.out()).containsIgnoringCase("x-echo-authorization: ****").contains("{\"echo\":\"****\"}");
        assertThat(result.all()).doesNotContain(services.basicCredentials());
    }

    @Test
    void requestExitsOneOnServerError() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("request", "basic", echo.uri("/status/500").toString(), "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("returned HTTP 500");
    }

    @Test
    void requestExitsZeroOnRedirectWithoutFollowing() {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("request", "basic", echo.uri("/status/302").toString(), "-i", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("HTTP/1.1 302");
    }

    @Test
    void requestRejectsPlainHttpToRemoteHost() {
        CliRun.Result result = CliRun.in(directory).run("request", "basic", "http://api.example.invalid/data");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("unencrypted to api.example.invalid").contains("--insecure-http");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void requestRejectsMissingDataFile() {
        Path config = services.writeConnectionsFile(directory);
        String url = services.resource().uri("/basic").toString();

        CliRun.Result result = CliRun.in(directory).run("request", "basic", url, "-d", "@missing.txt", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("missing.txt");
    }

    @Test
    void requestRejectsHeaderWithoutColonWithoutEchoingIt() {
        Path config = services.writeConnectionsFile(directory);
        String url = services.resource().uri("/basic").toString();

        CliRun.Result result = CliRun.in(directory).run("request", "basic", url, "-H", "canary-header-value", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("'Name: value'").doesNotContain("canary-header-value");
    }

    @Test
    void requestRejectsUrlWithoutHttpScheme() {
        CliRun.Result result = CliRun.in(directory).run("request", "basic", "ftp://127.0.0.1/file");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("not an absolute http or https URL");
    }
}
