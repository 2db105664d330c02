package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.TokenPolicy;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading YAML connections files: document markers, anchors, aliases and merge keys. */
class ConnectionFileYamlTest {

    private static final Set<String> SECRET_SCHEMES = Set.of("env", "file");

    private static final Basic BASIC = new Basic("u", SecretStoreContract.ref("env:P"));

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

    @Test
    void aliasRepeatsAnchoredObject() throws IOException {
        Path file = write("""
                connections:
                  crm:
                    auth: &shared {type: basic, username: u, password: "env:P"}
                  erp:
                    auth: *shared
                """);

        Either<AuthError, List<Connection>> connections = ConnectionFile.read(file, SECRET_SCHEMES).loadAllConnections();

        assertThat(connections.isRight()).as("connections: %s", connections).isTrue();
        assertThat(connections.get()).extracting(Connection::auth).containsExactly(BASIC, BASIC);
    }

    @Test
    void aliasRepeatsAnchoredScalar() throws IOException {
        Path file = write("""
                connections:
                  crm:
                    auth: {type: basic, username: &user api-user, password: "env:CRM"}
                  erp:
                    auth: {type: basic, username: *user, password: "env:ERP"}
                """);

        Either<AuthError, Connection> erp = ConnectionFile.read(file, SECRET_SCHEMES).loadConnection("erp");

        assertThat(erp.map(Connection::auth).getOrNull()).isEqualTo(new Basic("api-user", ref("env:ERP")));
    }

    @Test
    void aliasSharesTokenPolicy() throws IOException {
        Path file = write("""
                connections:
                  crm:
                    auth:
                      type: oauth2-client-credentials
                      tokenEndpoint: https://login.example.com/token
                      clientId: crm
                      clientSecret: "env:CRM"
                      tokenPolicy: &policy {refreshSkew: PT30S, refreshAfterShare: 0.5}
                  erp:
                    auth:
                      type: oauth2-client-credentials
                      tokenEndpoint: https://login.example.com/token
                      clientId: erp
                      clientSecret: "env:ERP"
                      tokenPolicy: *policy
                """);

        Either<AuthError, List<Connection>> connections = ConnectionFile.read(file, SECRET_SCHEMES).loadAllConnections();

        TokenPolicy expected = TokenPolicy.DEFAULT.withRefreshSkew(Duration.ofSeconds(30)).withRefreshAfterShare(0.5);
        assertThat(connections.isRight()).as("connections: %s", connections).isTrue();
        assertThat(connections.get()).extracting(connection -> ((OAuthClientCredentials) connection.auth()).tokenPolicy())
                .containsExactly(expected, expected);
    }

    @Test
    void mergeKeyAddsFieldsThatAreNotSet() throws IOException {
        Path file = write("""
                connections:
                  crm:
                    auth: &defaults {type: basic, username: shared, password: "env:SHARED"}
                  erp:
                    auth:
                      <<: *defaults
                      password: "env:ERP"
                """);

        Either<AuthError, Connection> erp = ConnectionFile.read(file, SECRET_SCHEMES).loadConnection("erp");

        assertThat(erp.map(Connection::auth).getOrNull()).isEqualTo(new Basic("shared", ref("env:ERP")));
    }

    @Test
    void mergeKeyListPrefersEarlierObjects() throws IOException {
        Path file = write("""
                connections:
                  crm:
                    auth: &first {type: basic, username: first, password: "env:FIRST"}
                  erp:
                    auth: &second {type: basic, username: second, password: "env:SECOND"}
                  hr:
                    auth:
                      password: "env:HR"
                      <<: [*first, *second]
                """);

        Either<AuthError, Connection> hr = ConnectionFile.read(file, SECRET_SCHEMES).loadConnection("hr");

        assertThat(hr.map(Connection::auth).getOrNull()).isEqualTo(new Basic("first", ref("env:HR")));
    }

    @Test
    void mergeKeyOfScalarIsReported() throws IOException {
        Path file = write("""
                connections:
                  crm:
                    auth:
                      type: basic
                      username: &user u
                      password: "env:P"
                  erp:
                    auth:
                      <<: *user
                """);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.erp.auth.<<");
            assertThat(problem.message()).isEqualTo("the merge key '<<' at line 9, column 7 takes an object or a list of objects,"
                    + " such as <<: *defaults, but has a string");
        });
    }

    @Test
    void undefinedAliasIsReportedWithoutItsName() throws IOException {
        Path file = write("""
                connections:
                  crm:
                    auth: {type: basic, username: u, password: *hunter2Literal}
                """);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm.auth.password");
            assertThat(problem.message()).isEqualTo("the alias at line 3, column 48 refers to no anchor defined before it:"
                    + " write &name before the value it repeats, or put a text that starts with '*' in quotes");
        });
    }

    @Test
    void aliasInsideItsOwnAnchorIsReported() throws IOException {
        Path file = write("""
                connections:
                  crm:
                    auth: &loop {type: basic, username: u, password: "env:P", self: *loop}
                """);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm.auth.self");
            assertThat(problem.message()).isEqualTo("the alias at line 3, column 69 refers to the value that contains it,"
                    + " which would repeat without end: write the value out instead");
        });
    }

    @Test
    void aliasesThatExpandTooFarAreStopped() throws IOException {
        StringBuilder yaml = new StringBuilder("connections: {}\nlevel0: &level0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 6; level++) {
            String previous = "*level" + (level - 1);
            yaml.append("level").append(level).append(": &level").append(level)
                    .append(" [").append(String.join(", ", Collections.nCopies(10, previous))).append("]\n");
        }
        Path file = write(yaml.toString());

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).matches(
                "the alias at line 6, column \\d+ brings the values that aliases repeat to more than 100000,"
                        + " the maximum this reader accepts, which stops files that expand without bound: use fewer aliases"));
    }

    @Test
    void yamlLongerThanReaderLimitIsReported() throws IOException {
        StringBuilder yaml = new StringBuilder("connections:\n");
        for (int i = 0; yaml.length() < 3_500_000; i++) {
            yaml.append("  c").append(i).append(": {auth: {type: basic, username: u, password: \"env:P\"}}\n");
        }
        Path file = write(yaml.toString());

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message())
                .isEqualTo("the file is longer than 3145728 characters, the maximum the YAML reader accepts: make it shorter, or write it as JSON"));
    }

    private static SecretRef ref(String text) {
        return SecretStoreContract.ref(text);
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
