package dev.httpauth.app;

import dev.httpauth.app.fixture.LoopbackServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the runnable jar, target/httpauth.jar, as a separate process, with the logging
 * configuration it ships. Runs after {@code package}, see the surefire configuration in the pom.
 */
class HttpAuthJarIT {

    private static final Path JAR = Path.of(System.getProperty("httpauth.jar", "target/httpauth.jar")).toAbsolutePath();

    @TempDir
    private Path directory;

    /** What one process run produced. */
    private record ProcessResult(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    @Test
    void jarRunsDemoToCompletion() throws Exception {
        ProcessResult result = run("demo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList().getLast()).isEqualTo("demo: 4 connections authorized, 1 rejected as expected");
        assertThat(result.err()).as("library loggers are quiet").isEmpty();
    }

    @Test
    void jarPrintsHelpAndExitsZero() throws Exception {
        ProcessResult result = run("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Usage: httpauth").contains("Exit codes:");
    }

    @Test
    void jarWithoutConfigExitsTwo() throws Exception {
        ProcessResult result = run("test", "crm");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines().toList()).singleElement().asString().startsWith("httpauth: No connections file found");
    }

    @Test
    void jarVerboseRequestLogsToStderrWithoutSecrets() throws Exception {
        try (LoopbackServices services = LoopbackServices.start()) {
            Path config = services.writeConnectionsFile(directory);
            String url = services.resource().uri("/bearer").toString();

            ProcessResult result = run("--verbose", "request", "oauth", url, "--config", config.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).startsWith("{\"authorized\":true");
            assertThat(result.err()).contains("obtained a token").contains("fingerprint sha256:");
            for (String secret : services.secretForms()) {
                assertThat(result.out() + result.err()).doesNotContain(secret);
            }
        }
    }

    @Test
    void jarReportsRejectedClientWithoutWarningDuplicate() throws Exception {
        try (LoopbackServices services = LoopbackServices.start()) {
            Path config = services.writeConnectionsFile(directory);

            ProcessResult result = run("header", "oauth-wrong-secret", "--config", config.toString());

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err().lines().toList()).singleElement().asString()
                    .startsWith("httpauth: Token endpoint")
                    .contains("invalid_client");
        }
    }

    private ProcessResult run(String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the runnable jar is built by 'package'").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = directory.resolve("stdout.txt");
        Path err = directory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().remove("HTTPAUTH_CONFIG");
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("httpauth " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new ProcessResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
