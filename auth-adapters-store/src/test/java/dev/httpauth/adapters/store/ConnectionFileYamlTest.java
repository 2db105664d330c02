package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading YAML connections files: document markers. */
class ConnectionFileYamlTest {

    private static final Set<String> SECRET_SCHEMES = Set.of("env", "file");

    @TempDir
    private Path directory;

    @Test
    void leadingDocumentMarkerIsAccepted() throws IOException {
        Path file = write("""
                ---
                connections:
                  crm:
                    auth: {type: basic, username: u, password: "env:P"}
                ...
                """);

        Either<AuthError, List<Connection>> connections = ConnectionFile.read(file, SECRET_SCHEMES).loadAllConnections();

        assertThat(connections.get()).containsExactly(new Connection("crm", new Basic("u", SecretStoreContract.ref("env:P"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connections: {}\n", "", "# nothing but a comment\n"})
    void secondDocumentIsReportedAtItsMarker(String secondDocument) throws IOException {
        Path file = write("""
                connections:
                  crm:
                    auth: {type: basic, username: u, password: "env:P"}
                ---
                """ + secondDocument);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEmpty();
            assertThat(problem.message()).isEqualTo("the file contains a second YAML document, which starts at line 4."
                    + " A connections file contains one document: remove the '---' line,"
                    + " and put all connections under one \"connections\" field");
        });
    }

    private List<ConfigProblem> problemsOf(Path file) {
        Either<AuthError, List<Connection>> connections = ConnectionFile.read(file, SECRET_SCHEMES).loadAllConnections();
        assertThat(connections.isLeft()).as("connections: %s", connections).isTrue();
        assertThat(connections.getLeft()).isInstanceOf(AuthError.InvalidConfiguration.class);
        return ((AuthError.InvalidConfiguration) connections.getLeft()).problems();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("connections.yaml"), content);
    }
}
