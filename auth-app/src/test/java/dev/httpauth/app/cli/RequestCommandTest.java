package dev.httpauth.app.cli;

import dev.httpauth.app.fixture.EchoServer;
import dev.httpauth.app.fixture.LoopbackServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestCommandTest {

    private static final String URL_PASSWORD = "canary-url-pa55word";

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
    void dataFileWithSpacesSentUnchanged() throws Exception {
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
    void shortKeyWithholdsEchoedBodyWithoutGarbling() throws IOException {
        Path config = shortKeyConnectionsFile();

        CliRun.Result result = CliRun.in(directory).withVariables(Map.of("SHORT_KEY", "Q"))
                .run("request", "short-key", echo.uri("/echo").toString(), "-i", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(echo.lastRequest().header("Authorization")).isEqualTo("Q");
        assertThat(result.out()).startsWith("HTTP/1.1 200\n").containsIgnoringCase("content-type: application/json\n");
        assertThat(result.out()).containsIgnoringCase("x-echo-authorization: " + SentCredentials.WITHHELD + "\n");
        assertThat(result.out()).doesNotContain("echo\"");
        assertThat(result.err()).isEqualTo("httpauth: warning: the response body (12 bytes) is withheld, because it contains a"
                + " credential value of connection 'short-key' that is shorter than 6 characters and cannot be masked without"
                + " garbling the text. Pass --reveal to print the response as received.\n");
        assertThat(result.all()).doesNotContain("Q");
    }

    @Test
    void shortKeyWithholdsHeaderItAppearsIn() throws IOException {
        Path config = shortKeyConnectionsFile();

        CliRun.Result result = CliRun.in(directory).withVariables(Map.of("SHORT_KEY", "j"))
                .run("request", "short-key", echo.uri("/echo").toString(), "-i", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsIgnoringCase("content-type: " + SentCredentials.WITHHELD + "\n");
        assertThat(result.out()).doesNotContain("****").doesNotContain("application");
    }

    @Test
    void revealPrintsEchoedShortKey() throws IOException {
        Path config = shortKeyConnectionsFile();

        CliRun.Result result = CliRun.in(directory).withVariables(Map.of("SHORT_KEY", "j"))
                .run("request", "short-key", echo.uri("/echo").toString(), "-i", "--reveal", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsIgnoringCase("content-type: application/json\n").endsWith("{\"echo\":\"j\"}\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void sixCharacterKeyIsMaskedInPlace() throws IOException {
        Path config = shortKeyConnectionsFile();

        CliRun.Result result = CliRun.in(directory).withVariables(Map.of("SHORT_KEY", "abcdef"))
                .run("request", "short-key", echo.uri("/echo").toString(), "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("{\"echo\":\"****\"}\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void httpsToPlainHttpServerNamesTls() throws Exception {
        Path config = services.writeConnectionsFile(directory);
        CliRun.Result result;
        String url;
        try (ServerSocket plainServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> answerOnceInPlainText(plainServer));
            url = "https://127.0.0.1:" + plainServer.getLocalPort() + "/echo";

            result = CliRun.in(directory).run("request", "basic", url, "--config", config.toString());
        }

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("httpauth: GET " + url + " failed: the TLS handshake failed (")
                .endsWith("): check that the server speaks https on this port\n")
                .doesNotContain("Exception");
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
        CliRun.Result result = runWithData("@missing.txt");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: -d @missing.txt: the file " + directory.resolve("missing.txt")
                + " does not exist: check the path, or write -d TEXT without '@' to send TEXT itself\n");
    }

    @Test
    void requestRejectsDirectoryAsDataFile() throws IOException {
        Files.createDirectory(directory.resolve("bodies"));

        CliRun.Result result = runWithData("@bodies");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: -d @bodies: " + directory.resolve("bodies")
                + " is a directory: give the path of the file whose content is the request body\n");
    }

    @Test
    void requestRejectsAtSignWithoutFileName() {
        CliRun.Result result = runWithData("@");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: -d @: no file name follows '@': write -d @FILE to send the content of FILE,"
                + " or -d TEXT to send TEXT\n");
    }

    @Test
    void requestRejectsUnreadableDataFile() throws IOException {
        Path body = unreadableFile();

        CliRun.Result result = runWithData("@" + body);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: -d @" + body + ": the file " + body
                + " cannot be read: permission denied. Check its permissions, for example with ls -l\n");
    }

    /**
     * Returns a file that this process cannot read: one without permissions, or, for root, who
     * reads any file, a write-only kernel setting that Linux does not let even root read.
     */
    private Path unreadableFile() throws IOException {
        Path body = Files.writeString(directory.resolve("body.txt"), "a=1");
        Files.setPosixFilePermissions(body, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(body)) {
            body = Path.of("/proc/sys/vm/compact_memory");
        }
        Path unreadable = body;
        assertThatThrownBy(() -> Files.readAllBytes(unreadable)).as("%s must not be readable for this test", unreadable)
                .isInstanceOf(AccessDeniedException.class);
        return unreadable;
    }

    @Test
    void requestRejectsDataFileOverLimit() throws IOException {
        Path body = directory.resolve("large.bin");
        try (RandomAccessFile file = new RandomAccessFile(body.toFile(), "rw")) {
            file.setLength(RequestCommand.MAX_BODY_BYTES + 1L);
        }

        CliRun.Result result = runWithData("@large.bin");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: -d @large.bin: the file " + body + " is larger than 64 MiB, the limit for"
                + " a request body, because httpauth reads the body into memory\n");
    }

    @Test
    void requestRejectsEndlessDataFile() {
        Path endless = Path.of("/dev/zero");

        CliRun.Result result = runWithData("@" + endless);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: -d @/dev/zero: the file /dev/zero is larger than 64 MiB, the limit for"
                + " a request body, because httpauth reads the body into memory\n");
    }

    @Test
    void requestRejectsHeaderWithoutColonWithoutEchoingIt() {
        Path config = services.writeConnectionsFile(directory);
        String url = services.resource().uri("/basic").toString();

        CliRun.Result result = CliRun.in(directory).run("request", "basic", url, "-H", "canary-header-value", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("'Name: value'").doesNotContain("canary-header-value");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            http://[::1             | URL 'http://[::1' is invalid: expected closing bracket for IPv6 address at index 11
            ftp://127.0.0.1/file    | URL 'ftp://127.0.0.1/file' has the scheme 'ftp', but httpauth sends requests only with http and https
            not a url               | URL 'not a url' is invalid: illegal character in path at index 3
            api.example.com/items   | URL 'api.example.com/items' has no scheme
            http:///items           | URL 'http:///items' has no host
            http:items              | URL 'http:items' has no host
            http://_bad_/           | URL 'http://_bad_/' has an invalid host or port
            http://127.0.0.1:99999/ | URL 'http://127.0.0.1:99999/' has the port 99999, but a port is a number from 1 to 65535
            ''                      | URL is empty
            """)
    void requestRejectsInvalidUrl(String url, String problem) {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("request", "basic", url, "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: " + problem + ". Expected an absolute http or https URL such as"
                + " https://api.example.com/path\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void requestRejectsUrlWithPasswordWithoutShowingIt() {
        Path config = services.writeConnectionsFile(directory);
        String url = "http://alice:" + URL_PASSWORD + "@127.0.0.1:" + services.resource().uri("/").getPort() + "/basic";
        int requestsBefore = services.resource().requestCount();

        CliRun.Result result = CliRun.in(directory).run("request", "basic", url, "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: URL '" + url.replace("alice:" + URL_PASSWORD, "****") + "' contains user info before"
                + " the host. The connection adds its own credentials, so write the URL without it: "
                + services.resource().uri("/basic") + "\n");
        assertThat(result.all()).doesNotContain(URL_PASSWORD);
        assertThat(services.resource().requestCount()).isEqualTo(requestsBefore);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://alice:" + URL_PASSWORD + "@[::1/",
            "https://alice:" + URL_PASSWORD + "@api.example.com:99999/",
            "https://alice:" + URL_PASSWORD + "/x@api.example.com/",
            "alice:" + URL_PASSWORD + "@api.example.com/"})
    void invalidUrlMessageHidesUserInfo(String url) {
        CliRun.Result result = CliRun.in(directory).run("request", "basic", url);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: URL '").contains("****");
        assertThat(result.all()).doesNotContain(URL_PASSWORD).doesNotContain("pa55").doesNotContain("alice");
    }

    @Test
    void headerUrlOptionHidesPassword() {
        CliRun.Result result = CliRun.in(directory).run("header", "basic", "--url", "http://alice:" + URL_PASSWORD + "@[::1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: --url 'http://****@[::1' is invalid: expected closing bracket");
        assertThat(result.all()).doesNotContain(URL_PASSWORD);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            request | -X       | GE T
            request | -X       | ''
            header  | --method | GE T
            header  | --method | POST;x
            """)
    void invalidMethodExitsTwo(String command, String option, String method) {
        Path config = services.writeConnectionsFile(directory);
        String url = services.resource().uri("/basic").toString();
        String[] arguments = command.equals("request")
                ? new String[] {"request", "basic", url, option, method, "--config", config.toString()}
                : new String[] {"header", "basic", option, method, "--config", config.toString()};

        CliRun.Result result = CliRun.in(directory).run(arguments);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: " + option + " '").endsWith("' is not a valid HTTP method: use a token"
                + " such as GET, POST, PUT, PATCH or DELETE\n");
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "86401", "9223372036854775807"})
    void maxTimeOutOfRangeExitsTwo(String seconds) {
        Path config = services.writeConnectionsFile(directory);

        CliRun.Result result = CliRun.in(directory).run("request", "basic", services.resource().uri("/basic").toString(),
                "-m", seconds, "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: --max-time must be a whole number of seconds from 1 to 86400 (one day), but was "
                + seconds + "\n");
    }

    /** Writes a connections file whose connection short-key sends $SHORT_KEY as the whole Authorization header, which the echo server returns. */
    private Path shortKeyConnectionsFile() throws IOException {
        return Files.writeString(directory.resolve("short-key.json"), """
                { "connections": { "short-key": { "auth": {
                    "type": "api-key", "in": "header", "name": "Authorization", "value": "env:SHORT_KEY" } } } }
                """);
    }

    /** Accepts one connection and answers whatever arrives, such as a TLS ClientHello, with a plain-text HTTP 400. */
    private static void answerOnceInPlainText(ServerSocket server) {
        try (Socket socket = server.accept()) {
            socket.getInputStream().read(new byte[512]);
            socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The test fails on the client's side if the server could not answer.
        }
    }

    /** Runs a request of the connection basic with {@code -d data} and checks that nothing reached the server. */
    private CliRun.Result runWithData(String data) {
        Path config = services.writeConnectionsFile(directory);
        String url = services.resource().uri("/basic").toString();
        int requestsBefore = services.resource().requestCount();

        CliRun.Result result = CliRun.in(directory).run("request", "basic", url, "-d", data, "--config", config.toString());

        assertThat(result.out()).isEmpty();
        assertThat(services.resource().requestCount()).isEqualTo(requestsBefore);
        return result;
    }
}
