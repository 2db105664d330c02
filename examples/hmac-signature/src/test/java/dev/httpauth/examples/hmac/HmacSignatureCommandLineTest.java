package dev.httpauth.examples.hmac;

import com.google.inject.Module;
import dev.httpauth.app.HttpAuthModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example plugin end to end: {@code httpauth request} finds it on the class path with
 * {@link java.util.ServiceLoader}, signs the request, and a loopback receiver checks the signature.
 */
class HmacSignatureCommandLineTest {

    private static final String KEY = "whsec-example-key-0123456789abcdef";
    private static final Map<String, String> ENVIRONMENT = Map.of("HOOK_SECRET", KEY);
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");
    private static final Module[] NO_OVERRIDES = {};

    @TempDir
    private Path directory;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private Path config(String auth) throws IOException {
        return Files.writeString(directory.resolve("connections.yaml"), "connections:\n  hooks:\n    auth:\n" + auth);
    }

    private Path validConfig() throws IOException {
        return config("      type: hmac-signature\n      secret: env:HOOK_SECRET\n");
    }

    /** Replaces the clock of httpauth, which the plugin reads its timestamp from. */
    private static Module clockAt(Instant instant) {
        return binder -> binder.bind(Clock.class).toInstance(Clock.fixed(instant, ZoneOffset.UTC));
    }

    private CommandLineRun.Result run(Module[] overrides, String... args) {
        return CommandLineRun.run(directory, ENVIRONMENT, overrides, args);
    }

    @Test
    void requestWithBodyIsVerifiedByReceiver() throws IOException {
        Path config = validConfig();
        String url = receiver.uri("/hooks/orders?tenant=acme").toString();

        CommandLineRun.Result result = run(new Module[] {clockAt(NOW)},
                "request", "hooks", url, "-d", "{\"id\":1,\"event\":\"order.paid\"}", "-H", "Content-Type: application/json", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("{\"verified\":true}\n");
        assertThat(result.err()).isEmpty();
        assertThat(receiver.verifiedCount()).isEqualTo(1);
    }

    @Test
    void requestWithinSkewIsAccepted() throws IOException {
        Path config = validConfig();

        CommandLineRun.Result result = run(new Module[] {clockAt(NOW.minus(Duration.ofMinutes(4)))},
                "request", "hooks", receiver.uri("/hooks").toString(), "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void staleTimestampIsRejectedWith401() throws IOException {
        Path config = validConfig();

        CommandLineRun.Result result = run(new Module[] {clockAt(NOW.minus(Duration.ofMinutes(6)))},
                "request", "hooks", receiver.uri("/hooks").toString(), "-d", "{}", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("{\"verified\":false,\"reason\":\"stale timestamp\"}\n");
        assertThat(result.err()).contains("returned HTTP 401").contains("rejected the credentials of connection 'hooks'");
        assertThat(receiver.verifiedCount()).isZero();
    }

    @Test
    void wrongKeyIsRejectedWith401() throws IOException {
        Path config = validConfig();

        CommandLineRun.Result result = CommandLineRun.run(directory, Map.of("HOOK_SECRET", "another-key-0123456789abcdef0123"),
                new Module[] {clockAt(NOW)}, "request", "hooks", receiver.uri("/hooks").toString(), "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.out()).contains("signature mismatch");
        assertThat(result.out() + result.err()).doesNotContain("another-key");
    }

    @Test
    void headerCommandMasksSignature() throws IOException {
        Path config = validConfig();

        CommandLineRun.Result result = run(new Module[] {clockAt(NOW)}, "header", "hooks", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList()).hasSize(2)
                .anySatisfy(line -> assertThat(line).startsWith("X-Signature: ****"))
                .anySatisfy(line -> assertThat(line).startsWith("X-Signature-Timestamp: ****"));
    }

    @Test
    void connectionTestPasses() throws IOException {
        Path config = validConfig();

        CommandLineRun.Result result = run(NO_OVERRIDES, "test", "hooks", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("header X-Signature, header X-Signature-Timestamp");
    }

    @Test
    void invalidConfigurationIsReportedWithPaths() throws IOException {
        Path config = config("      type: hmac-signature\n      secret: whsec-literal-value\n      heder: X-Hook-Signature\n"
                + "      timestampHeader: X Time\n");

        CommandLineRun.Result result = run(NO_OVERRIDES, "request", "hooks", receiver.uri("/hooks").toString(), "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("connections.hooks.auth.heder: unknown field: did you mean 'header'?")
                .contains("connections.hooks.auth.secret: is not a secret ref")
                .doesNotContain("whsec-literal-value");
        assertThat(receiver.verifiedCount()).isZero();
    }

    @Test
    void pluginValidationIsReportedWithPath() throws IOException {
        Path config = config("      type: hmac-signature\n      secret: env:HOOK_SECRET\n      timestampHeader: X Time\n");

        CommandLineRun.Result result = run(NO_OVERRIDES, "header", "hooks", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("connections.hooks.auth.timestampHeader: 'X Time' is not a valid header name");
    }

    @Test
    void jsonConfigurationWorksToo() throws IOException {
        Path config = Files.writeString(directory.resolve("connections.json"),
                "{\"connections\": {\"hooks\": {\"auth\": {\"type\": \"hmac-signature\", \"secret\": \"env:HOOK_SECRET\","
                        + " \"header\": \"X-Signature\"}}}}");

        CommandLineRun.Result result = run(new Module[] {clockAt(NOW)}, "request", "hooks", receiver.uri("/hooks").toString(), "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void schemaDescribesPlugin() {
        CommandLineRun.Result result = run(NO_OVERRIDES, "schema");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("\"enum\" : [ \"api-key\", \"basic\", \"hmac-signature\", \"oauth2-client-credentials\" ]")
                .contains("\"hmac-signature\" : {")
                .contains("\"required\" : [ \"type\", \"secret\" ]");
    }

    @Test
    void secondProviderOfTypeIdStopsStartUp() throws IOException {
        Path config = validConfig();
        Module impostor = binder -> HttpAuthModule.authMethodProviders(binder).addBinding().to(ImpostorHmacProvider.class);

        CommandLineRun.Result result = run(new Module[] {impostor}, "header", "hooks", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("httpauth: Two plugins provide the auth method type 'hmac-signature': ")
                .contains(HmacSignatureProvider.class.getName() + " (" + location(HmacSignatureProvider.class) + ")")
                .contains(ImpostorHmacProvider.class.getName() + " (" + location(ImpostorHmacProvider.class) + ")");
        assertThat(location(HmacSignatureProvider.class)).as("the plugin and the impostor come from different places")
                .isNotEqualTo(location(ImpostorHmacProvider.class));
    }

    private static String location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().toString();
    }
}
