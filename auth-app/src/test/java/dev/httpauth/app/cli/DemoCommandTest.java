package dev.httpauth.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    private static final List<String> SECRET_FILES = List.of("basic-password", "api-key", "client-secret", "wrong-client-secret");

    @TempDir
    private Path directory;

    @Test
    void demoAuthorizesFourConnectionsAndRejectsOne() {
        CliRun.Result result = CliRun.in(directory).run("demo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList().getLast()).isEqualTo("demo: 4 connections authorized, 1 rejected as expected");
        assertThat(result.out())
                .contains("$ httpauth test basic")
                .contains("[PASS] token obtained:")
                .containsPattern("GET http://127\\.0\\.0\\.1:\\d+/bearer -> 200 \\{\"authorized\":true")
                .contains("Authorization: Bearer **** (sha256:")
                .contains("after request (cached token reused)")
                .contains("rejected as expected: the token endpoint returned invalid_client")
                .doesNotContain("UNEXPECTED");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void demoDeletesItsTemporaryFiles() {
        CliRun.Result result = CliRun.in(directory).run("demo");

        Path connectionsFile = Path.of(result.out().lines()
                .filter(line -> line.strip().startsWith("connections file"))
                .findFirst()
                .orElseThrow()
                .strip()
                .substring("connections file".length())
                .strip());
        assertThat(connectionsFile).isAbsolute().doesNotExist();
        assertThat(connectionsFile.getParent()).doesNotExist();
    }

    @Test
    void demoDirKeepsOwnerOnlyFiles() throws IOException {
        Path demoDirectory = directory.resolve("demo");

        CliRun.Result result = CliRun.in(directory).run("demo", "--dir", "demo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(demoDirectory.resolve("connections.json")).isRegularFile();
        for (String name : SECRET_FILES) {
            Path file = demoDirectory.resolve(name);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(name).isEqualTo("rw-------");
            assertThat(result.all()).as(name).doesNotContain(Files.readString(file));
        }
    }

    @Test
    void demoDirThatIsFileExitsTwo() throws IOException {
        Path file = Files.writeString(directory.resolve("taken"), "not a directory");

        CliRun.Result result = CliRun.in(directory).run("demo", "--dir", "taken");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: Could not write the demo files into " + file + ": " + file
                + " exists and is not a directory. Choose another --dir\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void demoDirBelowFileExitsTwo() throws IOException {
        Path file = Files.writeString(directory.resolve("taken"), "not a directory");

        CliRun.Result result = CliRun.in(directory).run("demo", "--dir", "taken/demo");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: Could not write the demo files into " + file.resolve("demo") + ": "
                + file.resolve("demo") + ": Not a directory. Choose another --dir\n");
    }

    @Test
    void vaultDemoRunsAllConnections() {
        CliRun.Result result = CliRun.in(directory).run("demo", "--vault");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines().toList().getLast()).isEqualTo("demo: 4 connections authorized, 1 rejected as expected");
        assertThat(result.out())
                .contains("secrets are vault: refs to random values in the vault")
                .contains("--vault-key-file")
                .doesNotContain("UNEXPECTED");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void vaultDemoDirKeepsKeyFile() throws IOException {
        Path demoDirectory = directory.resolve("demo");

        CliRun.Result result = CliRun.in(directory).run("demo", "--vault", "--dir", "demo");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(demoDirectory.resolve("connections.json")))
                .contains("\"vault:basic-password\"", "\"vault:client-secret\"")
                .doesNotContain("file:");
        for (String name : List.of("secrets.vault", "vault.key")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(demoDirectory.resolve(name)))).as(name).isEqualTo("rw-------");
        }
        for (String name : SECRET_FILES) {
            assertThat(demoDirectory.resolve(name)).as("no plain secret file").doesNotExist();
        }
    }

    @Test
    void vaultDemoDeletesTemporaryFiles() {
        CliRun.Result result = CliRun.in(directory).run("demo", "--vault");

        Path connectionsFile = Path.of(result.out().lines()
                .filter(line -> line.strip().startsWith("connections file"))
                .findFirst()
                .orElseThrow()
                .strip()
                .substring("connections file".length())
                .strip());
        assertThat(connectionsFile.getParent()).doesNotExist();
    }

    @Test
    void demoVaultServesTestAndSecretsCommands() {
        CliRun.in(directory).run("demo", "--vault", "--dir", "demo");
        CliRun cli = CliRun.in(directory).withVariables(Map.of("HTTPAUTH_VAULT", "demo/secrets.vault", "HTTPAUTH_VAULT_KEY_FILE", "demo/vault.key"));

        CliRun.Result connections = cli.run("connections", "--config", "demo/connections.json");
        CliRun.Result list = cli.run("secrets", "list");

        assertThat(connections.exitCode()).as(connections.toString()).isZero();
        assertThat(connections.out()).contains("5 connections, all usable");
        assertThat(list.out()).isEqualTo("api-key\nbasic-password\nclient-secret\nwrong-client-secret\n");
    }

    @Test
    void demoFileServesConnectionsCommand() {
        CliRun.in(directory).run("demo", "--dir", "demo");

        CliRun.Result result = CliRun.in(directory).run("connections", "--config", "demo/connections.json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("5 connections, all usable");
    }
}
