package dev.httpauth.app;

import dev.httpauth.app.fixture.LoopbackServices;
import dev.httpauth.app.fixture.SecretFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the runnable jar, target/httpauth.jar, as a separate process, with the logging
 * configuration it ships. Runs after {@code package}, see the surefire configuration in the pom.
 */
class HttpAuthJarIT {

    private static final Path JAR = Path.of(System.getProperty("httpauth.jar", "target/httpauth.jar")).toAbsolutePath();
    private static final String VALUE = "canary-jar-value-41b7e2";

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

    @Test
    void jarSecretsSetGetListWithPipedValue() throws Exception {
        SecretFiles.keyFile(directory.resolve("vault.key"));
        Map<String, String> vault = Map.of("HTTPAUTH_VAULT", "secrets.vault", "HTTPAUTH_VAULT_KEY_FILE", "vault.key");

        ProcessResult set = run(vault, VALUE + "\n", "secrets", "set", "crm", "--create");
        ProcessResult list = run(vault, "", "secrets", "list");
        ProcessResult masked = run(vault, "", "secrets", "get", "crm");
        ProcessResult revealed = run(vault, "", "secrets", "get", "crm", "--reveal");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).startsWith("Stored secret 'crm' in vault ");
        assertThat(list.out()).isEqualTo("crm\n");
        assertThat(masked.out()).matches("crm: \\*\\*\\*\\* \\(sha256:[0-9a-f]{8}\\)\n");
        assertThat(revealed.out()).isEqualTo(VALUE + "\n");
        for (ProcessResult result : List.of(set, list, masked)) {
            assertThat(result.out() + result.err()).doesNotContain(VALUE);
        }
        assertThat(set.err() + list.err() + masked.err() + revealed.err()).as("library loggers are quiet").isEmpty();
    }

    @Test
    void jarSecretsSetRejectsValueArgument() throws Exception {
        SecretFiles.keyFile(directory.resolve("vault.key"));
        Map<String, String> vault = Map.of("HTTPAUTH_VAULT", "secrets.vault", "HTTPAUTH_VAULT_KEY_FILE", "vault.key");

        ProcessResult result = run(vault, "", "secrets", "set", "crm", "--create", VALUE);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("never from the command line");
        assertThat(result.out() + result.err()).doesNotContain(VALUE);
        assertThat(directory.resolve("secrets.vault")).doesNotExist();
    }

    @Test
    void jarRunsVaultDemoToCompletion() throws Exception {
        ProcessResult result = run("demo", "--vault");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList().getLast()).isEqualTo("demo: 4 connections authorized, 1 rejected as expected");
        assertThat(result.err()).isEmpty();
    }

    private ProcessResult run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), "", args);
    }

    /** Runs the jar with {@code variables} added to the environment and {@code input} on standard input, which is no terminal. */
    private ProcessResult run(Map<String, String> variables, String input, String... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the runnable jar is built by 'package'").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path in = Files.writeString(directory.resolve("stdin.txt"), input, StandardCharsets.UTF_8);
        Path out = directory.resolve("stdout.txt");
        Path err = directory.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectInput(in.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HTTPAUTH_"));
        builder.environment().putAll(variables);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("httpauth " + String.join(" ", args) + " did not finish within 60 s");
        }
        return new ProcessResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
