package dev.httpauth.examples.hmac;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged command line, {@code auth-app/target/httpauth.jar}, with this plugin's jar on
 * the class path, as a user installs a plugin: {@code java -cp httpauth.jar:plugin.jar}. Runs after
 * {@code package}, see the surefire configuration in the pom.
 */
class HmacSignatureJarIT {

    private static final String KEY = "whsec-example-key-0123456789abcdef";
    private static final String MAIN_CLASS = "dev.httpauth.app.cli.HttpAuthCommand";

    private static final Path HTTPAUTH_JAR = jar("httpauth.jar", "../../auth-app/target/httpauth.jar");
    private static final Path PLUGIN_JAR = jar("plugin.jar", "target/httpauth-example-hmac-signature-0.1.0-SNAPSHOT.jar");

    @TempDir
    private Path directory;

    /** What one process run produced. */
    private record ProcessResult(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    private static Path jar(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }

    @Test
    void packagedCommandLineSignsWithPluginJar() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start(KEY, Clock.systemUTC())) {
            Path config = Files.writeString(directory.resolve("connections.yaml"),
                    "connections:\n  hooks:\n    auth:\n      type: hmac-signature\n      secret: env:HOOK_SECRET\n");

            ProcessResult result = run(List.of(HTTPAUTH_JAR, PLUGIN_JAR),
                    "request", "hooks", receiver.uri("/hooks/orders?tenant=acme").toString(), "-d", "{\"id\":1}", "--config", config.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).isEqualTo("{\"verified\":true}\n");
            assertThat(result.err()).isEmpty();
            assertThat(receiver.verifiedCount()).isEqualTo(1);
        }
    }

    @Test
    void packagedCommandLineWithoutPluginJarNamesKnownTypes() throws Exception {
        Path config = Files.writeString(directory.resolve("connections.yaml"),
                "connections:\n  hooks:\n    auth:\n      type: hmac-signature\n      secret: env:HOOK_SECRET\n");

        ProcessResult result = run(List.of(HTTPAUTH_JAR), "header", "hooks", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("connections.hooks.auth.type: 'hmac-signature' is not a known auth method type");
    }

    @Test
    void packagedSchemaIncludesPlugin() throws Exception {
        ProcessResult result = run(List.of(HTTPAUTH_JAR, PLUGIN_JAR), "schema");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("\"hmac-signature\" : {").contains("\"pattern\" : \"^[a-z][a-z0-9+.-]*:.+\"");
    }

    private ProcessResult run(List<Path> classPath, String... args) throws IOException, InterruptedException {
        for (Path jar : classPath) {
            assertThat(jar).as("%s is built by 'mvn verify' from the repository root; build auth-app and this module first", jar)
                    .isRegularFile();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()),
                MAIN_CLASS));
        command.addAll(List.of(args));
        Path out = directory.resolve("stdout.txt");
        Path err = directory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("HTTPAUTH_CONFIG");
        builder.environment().put("HOOK_SECRET", KEY);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("httpauth " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new ProcessResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
