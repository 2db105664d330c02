package dev.httpauth.app.cli;

import com.google.inject.Module;
import dev.httpauth.adapters.store.ConnectionFileFormat;
import dev.httpauth.app.HttpAuthModule;
import dev.httpauth.app.fixture.EchoServer;
import dev.httpauth.app.fixture.plugin.EchoKeyProvider;
import dev.httpauth.app.fixture.plugin.RivalEchoKeyProvider;
import dev.httpauth.domain.model.BodyDigest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Plugins bound for the command line, as a host that embeds it would bind them, and the schema command. */
class PluginCommandLineTest {

    private static final Module ECHO_PLUGIN = binder -> HttpAuthModule.authMethodProviders(binder).addBinding().to(EchoKeyProvider.class);
    private static final Module RIVAL_PLUGIN = binder -> HttpAuthModule.authMethodProviders(binder).addBinding().to(RivalEchoKeyProvider.class);

    private static EchoServer echo;

    @TempDir
    private Path directory;

    @BeforeAll
    static void startServer() {
        echo = EchoServer.start();
    }

    @AfterAll
    static void stopServer() {
        echo.close();
    }

    private Path echoConfig(String auth) throws IOException {
        return Files.writeString(directory.resolve("connections.yaml"), "connections:\n  echo:\n    auth:\n" + auth);
    }

    @Test
    void requestIsAuthorizedByPlugin() throws IOException {
        Path config = echoConfig("      type: echo-key\n      key: env:ECHO_KEY\n");

        CliRun.Result result = CliRun.in(directory, ECHO_PLUGIN).withVariables(Map.of("ECHO_KEY", "echo-123"))
                .run("request", "echo", echo.uri("/hooks").toString(), "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(echo.lastRequest().header("X-Echo-Key")).isEqualTo("echo-123");
    }

    @Test
    void invalidPluginConfigurationIsReportedWithPath() throws IOException {
        Path config = echoConfig("      type: echo-key\n      key: echo-123\n      heder: X-Key\n");

        CliRun.Result result = CliRun.in(directory, ECHO_PLUGIN).run("header", "echo", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("connections.echo.auth.heder: unknown field: did you mean 'header'?")
                .contains("connections.echo.auth.key: is not a secret ref")
                .doesNotContain("echo-123");
    }

    @Test
    void typeIdClashStopsCommandNamingBothPlugins() throws IOException {
        Path config = echoConfig("      type: echo-key\n      key: env:ECHO_KEY\n");

        CliRun.Result result = CliRun.in(directory, ECHO_PLUGIN, RIVAL_PLUGIN).run("header", "echo", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).singleElement().asString()
                .startsWith("httpauth: Two plugins provide the auth method type 'echo-key': ")
                .contains(EchoKeyProvider.class.getName() + " (file:")
                .contains(RivalEchoKeyProvider.class.getName() + " (file:")
                .doesNotContain("unexpected error");
    }

    @Test
    void schemaPrintsBuiltInSchema() {
        CliRun.Result result = CliRun.in(directory).run("schema");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(ConnectionFileFormat.builtIn().jsonSchema());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void schemaIncludesBoundPlugin() {
        CliRun.Result result = CliRun.in(directory, ECHO_PLUGIN).run("schema");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(ConnectionFileFormat.withPlugins(List.of(new EchoKeyProvider())).jsonSchema());
        assertThat(result.out()).contains("\"echo-key\" : {");
    }

    @Test
    void schemaReportsClash() {
        CliRun.Result result = CliRun.in(directory, ECHO_PLUGIN, RIVAL_PLUGIN).run("schema");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: Two plugins provide the auth method type 'echo-key'");
    }

    @Test
    void plannedRequestCarriesBodyDigest() {
        byte[] body = "{\"event\":\"paid\"}".getBytes(StandardCharsets.UTF_8);
        PlannedRequest withBody = new PlannedRequest("POST", echo.uri("/hooks"), List.of(), Optional.of(body));
        PlannedRequest withoutBody = PlannedRequest.get(echo.uri("/hooks"));

        assertThat(withBody.toOutgoingRequest().bodyDigest()).contains(BodyDigest.sha256(body));
        assertThat(withoutBody.toOutgoingRequest().bodyDigest()).isEmpty();
    }
}
