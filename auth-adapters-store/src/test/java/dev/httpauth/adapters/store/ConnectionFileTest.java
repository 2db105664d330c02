package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.TokenPolicy;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFileTest {

    private static final Set<String> SECRET_SCHEMES = Set.of("env", "file");

    /** An OAuth auth object in single-quoted JSON whose {@code scope} value is the placeholder SCOPE. */
    private static final String OAUTH = "{'type': 'oauth2-client-credentials', 'tokenEndpoint': 'https://login.example.com/token',"
            + " 'clientId': 'c', 'clientSecret': 'env:S', 'scope': SCOPE}";

    private static final String ALL_METHODS_JSON = """
            {
              "connections": {
                "crm": {
                  "auth": {
                    "type": "oauth2-client-credentials",
                    "tokenEndpoint": "https://login.example.com/oauth2/v2.0/token",
                    "clientId": "12345678-90ab-cdef-1234-567890abcdef",
                    "clientSecret": "env:CRM_CLIENT_SECRET",
                    "scope": "https://api.example.com/.default offline_access",
                    "clientAuthentication": "client_secret_post",
                    "audience": "api://crm",
                    "resource": "https://api.example.com/",
                    "tokenPolicy": {"refreshSkew": "PT30S", "defaultLifetime": "PT10M"}
                  }
                },
                "billing": {
                  "auth": {"type": "basic", "username": "apiuser", "password": "file:/run/secrets/billing-password"}
                },
                "maps": {
                  "auth": {"type": "api-key", "in": "header", "name": "Authorization", "prefix": "Bearer ", "value": "env:MAPS_KEY"}
                },
                "geo": {
                  "auth": {"type": "api-key", "in": "query", "name": "api_key", "value": "env:GEO_KEY"}
                }
              }
            }
            """;

    private static final String ALL_METHODS_YAML = """
            connections:
              crm:
                auth:
                  type: oauth2-client-credentials
                  tokenEndpoint: https://login.example.com/oauth2/v2.0/token
                  clientId: 12345678-90ab-cdef-1234-567890abcdef
                  clientSecret: env:CRM_CLIENT_SECRET
                  scope:
                    - https://api.example.com/.default
                    - offline_access
                  clientAuthentication: client_secret_post
                  audience: api://crm
                  resource: https://api.example.com/
                  tokenPolicy:
                    refreshSkew: PT30S
                    defaultLifetime: PT10M
              billing:
                auth:
                  type: basic
                  username: apiuser
                  password: file:/run/secrets/billing-password
              maps:
                auth: {type: api-key, in: header, name: Authorization, prefix: "Bearer ", value: "env:MAPS_KEY"}
              geo:
                auth:
                  type: api-key
                  in: query
                  name: api_key
                  value: env:GEO_KEY
            """;

    @TempDir
    Path directory;

    @Test
    void jsonFileBindsAllMethods() throws IOException {
        ConnectionFile file = ConnectionFile.read(write("connections.json", ALL_METHODS_JSON), SECRET_SCHEMES);

        Either<AuthError, List<Connection>> connections = file.loadAllConnections();

        assertThat(connections.isRight()).as("connections: %s", connections).isTrue();
        assertThat(connections.get()).containsExactlyElementsOf(expectedConnections());
    }

    @ParameterizedTest
    @ValueSource(strings = {"connections.yaml", "connections.yml", "CONNECTIONS.YAML"})
    void yamlFileBindsAllMethods(String name) throws IOException {
        ConnectionFile file = ConnectionFile.read(write(name, ALL_METHODS_YAML), SECRET_SCHEMES);

        Either<AuthError, List<Connection>> connections = file.loadAllConnections();

        assertThat(connections.isRight()).as("connections: %s", connections).isTrue();
        assertThat(connections.get()).containsExactlyElementsOf(expectedConnections());
    }

    @Test
    void scopeAcceptsStringAndList() throws IOException {
        Path path = write("connections.json", connections(
                "'as-string': {'auth': " + OAUTH.replace("SCOPE", "'read write  admin'") + "},"
                        + "'as-list': {'auth': " + OAUTH.replace("SCOPE", "['read', 'write', 'admin']") + "},"
                        + "'empty': {'auth': " + OAUTH.replace("SCOPE", "''") + "}"));

        ConnectionFile file = ConnectionFile.read(path, SECRET_SCHEMES);

        assertThat(scopesOf(file, "as-string")).containsExactly("read", "write", "admin");
        assertThat(scopesOf(file, "as-list")).containsExactly("read", "write", "admin");
        assertThat(scopesOf(file, "empty")).isEmpty();
    }

    @Test
    void optionalFieldsTakeDomainDefaults() throws IOException {
        Path path = write("connections.json", connections("'crm': {'auth': {'type': 'oauth2-client-credentials',"
                + " 'tokenEndpoint': 'https://login.example.com/token', 'clientId': 'c', 'clientSecret': 'env:S'}},"
                + "'maps': {'auth': {'type': 'api-key', 'in': 'header', 'name': 'X-API-Key', 'value': 'env:K'}}"));

        ConnectionFile file = ConnectionFile.read(path, SECRET_SCHEMES);

        assertThat(file.loadConnection("crm").get().auth()).isEqualTo(OAuthClientCredentials.of(
                URI.create("https://login.example.com/token"), "c", ref("env:S"), List.of()));
        assertThat(file.loadConnection("maps").get().auth()).isEqualTo(ApiKey.inHeader("X-API-Key", ref("env:K")));
    }

    @Test
    void loadConnectionReturnsConnectionWithId() throws IOException {
        ConnectionFile file = ConnectionFile.read(write("connections.json", ALL_METHODS_JSON), SECRET_SCHEMES);

        Either<AuthError, Connection> connection = file.loadConnection("billing");

        assertThat(connection.get()).isEqualTo(new Connection("billing",
                new Basic("apiuser", ref("file:/run/secrets/billing-password"))));
    }

    @Test
    void loadConnectionReportsUnknownIdWithKnownIds() throws IOException {
        ConnectionFile file = ConnectionFile.read(write("connections.json", ALL_METHODS_JSON), SECRET_SCHEMES);

        Either<AuthError, Connection> connection = file.loadConnection("erp");

        assertThat(connection.getLeft()).isEqualTo(new AuthError.UnknownConnection("erp", List.of("billing", "crm", "geo", "maps")));
    }

    @Test
    void readKeepsWhatItReadOnce() throws IOException {
        Path path = write("connections.json", ALL_METHODS_JSON);
        ConnectionFile file = ConnectionFile.read(path, SECRET_SCHEMES);

        Files.writeString(path, "not even JSON");

        assertThat(file.loadAllConnections().get()).hasSize(4);
        assertThat(file.path()).isEqualTo(path);
    }

    @Test
    void readAcceptsRefsOfGivenSchemesOnly() throws IOException {
        Path path = write("connections.json", connections(
                "'billing': {'auth': {'type': 'basic', 'username': 'u', 'password': 'memory:billing'}}"));

        ConnectionFile withMemory = ConnectionFile.read(path, Set.of("memory"));
        ConnectionFile withoutMemory = ConnectionFile.read(path, SECRET_SCHEMES);

        assertThat(withMemory.loadConnection("billing").isRight()).isTrue();
        assertThat(problemsOf(withoutMemory)).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.billing.auth.password");
            assertThat(problem.message()).contains("names a secret store that is not configured").contains("env, file");
        });
    }

    static Stream<Arguments> badAuthObjects() {
        return Stream.of(
                bad("{'username': 'u', 'password': 'env:P'}",
                        "type", "is missing: set it to one of api-key, basic, oauth2-client-credentials"),
                bad("{'tpye': 'basic', 'username': 'u', 'password': 'env:P'}",
                        "type", "the field 'tpye' looks like a misspelling of it"),
                bad("{'type': 'digest', 'username': 'u', 'password': 'env:P'}",
                        "type", "'digest' is not a known auth method type: use one of api-key, basic, oauth2-client-credentials"),
                bad("{'type': 'basik', 'username': 'u', 'password': 'env:P'}",
                        "type", "did you mean 'basic'?"),
                bad("{'type': 7, 'username': 'u', 'password': 'env:P'}",
                        "type", "must be a string, one of api-key, basic, oauth2-client-credentials, but is a number"),
                bad("{'type': 'basic', 'password': 'env:P'}",
                        "username", "is missing: auth type 'basic' requires username and password"),
                bad("{'type': 'basic', 'username': 'u', 'password': null}",
                        "password", "is null: auth type 'basic' requires username and password"),
                bad("{'type': 'basic', 'username': ['u'], 'password': 'env:P'}",
                        "username", "must be a string, but is a list"),
                bad("{'type': 'basic', 'username': {'name': 'u'}, 'password': 'env:P'}",
                        "username", "must be a string, but is an object"),
                bad("{'type': 'basic', 'username': 5, 'password': 'env:P'}",
                        "username", "must be a string, but is a number"),
                bad("{'type': 'basic', 'username': true, 'password': 'env:P'}",
                        "username", "must be a string, but is a boolean"),
                bad("{'type': 'basic', 'username': 'u', 'password': {'env': 'P'}}",
                        "password", "must be a secret ref such as env:NAME or file:/path/to/secret, but is an object"),
                bad("{'type': 'basic', 'username': 'u', 'password': 'env:'}",
                        "password", "has no key after 'env:'"),
                bad("{'type': 'basic', 'username': 'u', 'password': 'vault:billing'}",
                        "password", "names a secret store that is not configured: write a ref whose scheme is one of env, file"),
                bad("{'type': 'basic', 'username': 'api:user', 'password': 'env:P'}",
                        "username", "contains ':'"),
                bad("{'type': 'basic', 'username': 'u', 'password': 'env:P', 'pasword': 'env:P'}",
                        "pasword", "unknown field: did you mean 'password'?"),
                bad("{'type': 'basic', 'username': 'u', 'password': 'env:P', 'color': 'blue'}",
                        "color", "unknown field: remove it, or use one of password, type, username"),
                bad("{'type': 'api-key', 'in': 'cookie', 'name': 'k', 'value': 'env:K'}",
                        "in", "'cookie' is not a valid value: use one of header, query"),
                bad("{'type': 'api-key', 'in': 'HEADER', 'name': 'k', 'value': 'env:K'}",
                        "in", "write it in lower case, 'header'"),
                bad("{'type': 'api-key', 'in': 1, 'name': 'k', 'value': 'env:K'}",
                        "in", "must be one of header, query, but is a number"),
                bad("{'type': 'api-key', 'in': 'header', 'name': 'X Key', 'value': 'env:K'}",
                        "name", "'X Key' is not a valid header name"),
                bad("{'type': 'api-key', 'in': 'query', 'name': 'key', 'prefix': 'Bearer ', 'value': 'env:K'}",
                        "prefix", "applies only to keys sent in a header"),
                bad(OAUTH.replace("SCOPE", "5"),
                        "scope", "must be a space-separated string such as \"read write\" or a list of strings, but is a number"),
                bad(OAUTH.replace("SCOPE", "['read', 5]"),
                        "scope[1]", "must be a string, but is a number"),
                bad(OAUTH.replace("SCOPE", "'read' , 'clientAuthentication': 'basic'"),
                        "clientAuthentication", "'basic' is not a valid value: use one of client_secret_basic, client_secret_post"),
                bad(OAUTH.replace("SCOPE", "'read', 'audience': ['a']"),
                        "audience", "must be a string, but is a list"),
                bad(OAUTH.replace("SCOPE", "'read', 'clientSecrte': 'env:S'"),
                        "clientSecrte", "unknown field: did you mean 'clientSecret'?"),
                bad(OAUTH.replace("SCOPE", "'read'").replace("https://login.example.com/token", "http://login.example.com/token"),
                        "tokenEndpoint", "uses plain http"),
                bad(OAUTH.replace("SCOPE", "'read'").replace("'https://login.example.com/token'", "5"),
                        "tokenEndpoint", "must be a URL string such as https://login.example.com/oauth2/token, but is a number"),
                bad(OAUTH.replace("SCOPE", "'read'").replace("https://login.example.com/token", "https://login.exa mple.com/token"),
                        "tokenEndpoint", "is not a valid URL: Illegal character in authority at position 18"),
                bad(OAUTH.replace("SCOPE", "'read', 'tokenPolicy': 'fast'"),
                        "tokenPolicy", "must be an object, but is a string"),
                bad(OAUTH.replace("SCOPE", "'read', 'tokenPolicy': {'refreshSkew': '5m', 'defaultLifetime': 'PT5M'}"),
                        "tokenPolicy.refreshSkew", "'5m' is not an ISO-8601 duration: write it like PT60S"),
                bad(OAUTH.replace("SCOPE", "'read', 'tokenPolicy': {'refreshSkew': 60, 'defaultLifetime': 'PT5M'}"),
                        "tokenPolicy.refreshSkew", "must be an ISO-8601 duration string such as PT60S (60 seconds) or PT5M (5 minutes), but is a number"),
                bad(OAUTH.replace("SCOPE", "'read', 'tokenPolicy': {'refreshAfterShare': 1.5}"),
                        "tokenPolicy.refreshAfterShare", "must be greater than 0 and at most 1, but is 1.5"),
                bad(OAUTH.replace("SCOPE", "'read', 'tokenPolicy': {'refreshSkew': 'PT-5S', 'defaultLifetime': 'PT5M'}"),
                        "tokenPolicy.refreshSkew", "must not be negative, but is PT-5S"),
                bad(OAUTH.replace("SCOPE", "'read', 'tokenPolicy': {'refreshSkw': 'PT5S', 'refreshSkew': 'PT5S', 'defaultLifetime': 'PT5M'}"),
                        "tokenPolicy.refreshSkw", "unknown field: did you mean 'refreshSkew'?"));
    }

    static Stream<Arguments> longValues() {
        String longText = "x".repeat(100_000);
        return Stream.of(
                Arguments.of("{'type': 'LONG', 'username': 'u', 'password': 'env:P'}", "type"),
                Arguments.of("{'type': 'api-key', 'in': 'LONG', 'name': 'k', 'value': 'env:K'}", "in"),
                Arguments.of("{'type': 'api-key', 'in': 'header', 'name': 'LONG ', 'value': 'env:K'}", "name"),
                Arguments.of("{'type': 'basic', 'username': ':LONG', 'password': 'env:P'}", "username"),
                Arguments.of(OAUTH.replace("SCOPE", "'read', 'tokenPolicy': {'refreshSkew': 'LONG'}"), "tokenPolicy.refreshSkew"),
                Arguments.of(OAUTH.replace("SCOPE", "'\\\\LONG'"), "scope"))
                .map(arguments -> Arguments.of(((String) arguments.get()[0]).replace("LONG", longText), arguments.get()[1]));
    }

    @ParameterizedTest
    @MethodSource("longValues")
    void longValueIsShortenedInMessage(String auth, String path) throws IOException {
        Path file = write("connections.json", connections("'crm': {'auth': " + auth + "}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems)
                .filteredOn(problem -> problem.path().equals("connections.crm.auth." + path))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.message()).contains("... (1000").contains(" characters)");
                    assertThat(problem.message().length()).isLessThan(400);
                });
    }

    @Test
    void longConnectionIdIsShortenedInMessage() throws IOException {
        String id = "bad id " + "x".repeat(10_000);
        Path file = write("connections.json", connections("'" + id + "': {'auth': {'type': 'basic', 'username': 'u', 'password': 'env:P'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("'bad id xxx").contains("... (10007 characters)");
            assertThat(problem.message().length()).isLessThan(400);
        });
    }

    @ParameterizedTest
    @MethodSource("badAuthObjects")
    void readReportsBadAuthObjectAtItsPath(String auth, String path, String message) throws IOException {
        Path file = write("connections.json", connections("'crm': {'auth': " + auth + "}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems)
                .filteredOn(problem -> problem.path().equals("connections.crm.auth." + path))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains(message));
        assertThat(problems).allSatisfy(problem -> assertThat(problem.path()).startsWith("connections.crm.auth."));
        assertThat(problems).allSatisfy(problem -> PlainMessages.assertPlain(problem.message()));
    }

    @Test
    void readReportsEveryMissingRequiredField() throws IOException {
        Path file = write("connections.json", connections("'maps': {'auth': {'type': 'api-key', 'in': 'header'}},"
                + "'crm': {'auth': {'type': 'oauth2-client-credentials'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).extracting(ConfigProblem::path).containsExactly(
                "connections.crm.auth.clientId",
                "connections.crm.auth.clientSecret",
                "connections.crm.auth.tokenEndpoint",
                "connections.maps.auth.name",
                "connections.maps.auth.value");
        assertThat(problems.getFirst().message())
                .isEqualTo("is missing: auth type 'oauth2-client-credentials' requires tokenEndpoint, clientId and clientSecret");
    }

    @Test
    void readValidatesMethodWithBindingProblems() throws IOException {
        Path file = write("connections.json", connections(
                "'billing': {'auth': {'type': 'basic', 'username': 'api:user', 'password': 'env:P', 'extra': 1}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).extracting(ConfigProblem::path)
                .containsExactly("connections.billing.auth.extra", "connections.billing.auth.username");
    }

    @Test
    void readReportsAllMistakesAtOnce() throws IOException {
        Path file = write("connections.json", """
                {
                  "connections": {
                    "crm": {"auth": {"type": "oauth2-client-credentials", "tokenEndpoint": "https://login.example.com/token",
                                     "clientId": "c", "clientSecrte": "env:S", "scope": 5}},
                    "billing": {"auth": {"type": "basic", "username": "api:user", "password": "hunter2-Literal"}},
                    "maps": {"auth": {"type": "api-key", "in": "cookie", "name": "X-Key", "value": "vault:maps"}},
                    "bad id!": {"auth": {"type": "basic", "username": "u", "password": "env:P"}},
                    "geo": {"auth": {"tpye": "api-key"}},
                    "erp": {"auht": {"type": "basic", "username": "u", "password": "env:P"}},
                    "ok": {"auth": {"type": "basic", "username": "u", "password": "env:P"}}
                  },
                  "extra": true
                }
                """);

        AuthError.InvalidConfiguration error = invalidConfiguration(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(error.problems()).extracting(ConfigProblem::path).containsExactly(
                "connections.bad id!",
                "connections.billing.auth.password",
                "connections.billing.auth.username",
                "connections.crm.auth.clientSecret",
                "connections.crm.auth.clientSecrte",
                "connections.crm.auth.scope",
                "connections.erp.auht",
                "connections.erp.auth",
                "connections.geo.auth.type",
                "connections.maps.auth.in",
                "connections.maps.auth.value",
                "extra");
        assertThat(error.message()).doesNotContain("hunter2-Literal");
    }

    @Test
    void problemsAreSortedByPathWithoutDuplicates() throws IOException {
        Path file = write("connections.json", connections(
                "'z': {'auth': {'type': 'basic', 'username': 'u', 'password': 'env:P', 'b': 1, 'a': 2}},"
                        + "'a': {'auth': {'type': 'api-key', 'in': 'cookie', 'name': 'k', 'value': 'k'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).hasSize(4);
        assertThat(problems).isSortedAccordingTo(Comparator.comparing(ConfigProblem::path));
        assertThat(problems).doesNotHaveDuplicates();
    }

    @Test
    void readRejectsLiteralSecret() throws IOException {
        String literal = "s3cr3t-Literal-Value";
        Path file = write("connections.json", connections(
                "'billing': {'auth': {'type': 'basic', 'username': 'u', 'password': '" + literal + "'}}"));

        ConnectionFile connections = ConnectionFile.read(file, SECRET_SCHEMES);
        AuthError.InvalidConfiguration error = invalidConfiguration(connections);

        assertThat(error.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.billing.auth.password");
            assertThat(problem.message())
                    .contains("a literal secret must not be stored in configuration")
                    .contains("env:NAME")
                    .contains("file:/path/to/secret");
        });
        assertThat(error.message()).doesNotContain(literal);
        assertThat(error.toString()).doesNotContain(literal);
        assertThat(connections.loadConnection("billing").toString()).doesNotContain(literal);
        assertThat(connections.toString()).doesNotContain(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "true", "'4711'", "lower-case:looks-like-a-ref"})
    void readRejectsYamlLiteralSecret(String literal) throws IOException {
        Path file = write("connections.yaml", """
                connections:
                  billing:
                    auth:
                      type: basic
                      username: u
                      password: LITERAL
                """.replace("LITERAL", literal));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.billing.auth.password");
            assertThat(problem.message()).doesNotContain(literal.replace("'", "")).doesNotContain("lower-case");
        });
    }

    @Test
    void readReportsDuplicateConnectionId() throws IOException {
        Path file = write("connections.json", """
                {"connections": {
                  "crm": {"auth": {"type": "basic", "username": "u", "password": "env:P"}},
                  "crm": {"auth": {"type": "basic", "username": "v", "password": "env:Q"}}
                }}
                """);

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm");
            assertThat(problem.message()).startsWith("duplicate connection id 'crm' at line 3, column ");
        });
    }

    @Test
    void readReportsDuplicateConnectionIdInYaml() throws IOException {
        Path file = write("connections.yaml", """
                connections:
                  crm:
                    auth: {type: basic, username: u, password: "env:P"}
                  crm:
                    auth: {type: basic, username: v, password: "env:Q"}
                """);

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm");
            assertThat(problem.message()).startsWith("duplicate connection id 'crm' at line 4, column ");
        });
    }

    @Test
    void readReportsDuplicateField() throws IOException {
        Path file = write("connections.json", connections(
                "'billing': {'auth': {'type': 'basic', 'username': 'u', 'username': 'v', 'password': 'env:P'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.billing.auth.username");
            assertThat(problem.message()).startsWith("duplicate field 'username' at line 1, column ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad id", "crm/eu", "ünïcode", "semi;colon"})
    void readRejectsInvalidConnectionId(String id) throws IOException {
        Path file = write("connections.json", connections(
                "'" + id + "': {'auth': {'type': 'basic', 'username': 'u', 'password': 'env:P'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections." + JsonPaths.printable(id));
            assertThat(problem.message()).contains("is not a valid connection id");
        });
    }

    @Test
    void readAcceptsIdsWithDotsDashesAndUnderscores() throws IOException {
        Path file = write("connections.json", connections(
                "'crm-eu_2.prod': {'auth': {'type': 'basic', 'username': 'u', 'password': 'env:P'}}"));

        ConnectionFile connections = ConnectionFile.read(file, SECRET_SCHEMES);

        assertThat(connections.loadConnection("crm-eu_2.prod").isRight()).isTrue();
    }

    @Test
    void readReportsMalformedJsonWithLineAndColumn() throws IOException {
        Path file = write("connections.json", """
                {
                  "connections": {
                    "crm": {"auth": {"type": "basic" "username": "u"}}
                  }
                }
                """);

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm.auth.type");
            assertThat(problem.message()).startsWith("invalid JSON at line 3, column 38: ");
        });
    }

    @Test
    void readHidesUnquotedJsonLiteral() throws IOException {
        Path file = write("connections.json", """
                {"connections": {"billing": {"auth": {"type": "basic", "username": "u",
                  "password": hunter2Literal}}}}
                """);

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("invalid JSON at line 2, column ");
            assertThat(problem.message()).contains("text must be in double quotes").doesNotContain("hunter").doesNotContain("Literal");
        });
    }

    @Test
    void readReportsMalformedYamlWithLineAndColumn() throws IOException {
        Path file = write("connections.yaml", """
                connections:
                  billing:
                    auth:
                      type: basic
                      password: "hunter2Literal
                """);

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("the file ends at line 6, column 1 inside the quoted text that starts at line 5, column 17");
            assertThat(problem.message()).doesNotContain("hunter");
        });
    }

    @Test
    void readReportsMissingFile() {
        Path missing = directory.resolve("connections.json");

        AuthError.InvalidConfiguration error = invalidConfiguration(ConnectionFile.read(missing, SECRET_SCHEMES));

        assertThat(error.source()).isEqualTo(missing.toString());
        assertThat(error.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains(missing.toAbsolutePath() + " does not exist")
                .contains("{\"connections\": {}}")
                .contains("--config FILE"));
    }

    @Test
    void readReportsDirectory() throws IOException {
        Path subdirectory = Files.createDirectories(directory.resolve("conf.json"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(subdirectory, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).contains("is a directory"));
    }

    @Test
    void readReportsSymbolicLinkLoop() throws IOException {
        Path first = directory.resolve("first.json");
        Path second = directory.resolve("second.json");
        Files.createSymbolicLink(first, second);
        Files.createSymbolicLink(second, first);

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(first, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).startsWith("the file " + first.toAbsolutePath() + " cannot be read: ");
            PlainMessages.assertPlain(problem.message());
        });
    }

    @Test
    void readRejectsFileLargerThanLimit() throws IOException {
        Path file = directory.resolve("connections.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(3L * 1024 * 1024 * 1024);
        }

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).isEqualTo("the file "
                + file.toAbsolutePath() + " has 3221225472 bytes, more than the 16777216 bytes (16 MiB) this reader accepts:"
                + " check that it is the connections file"));
    }

    @Test
    void readReportsUnsupportedExtension() throws IOException {
        Path file = write("connections.txt", ALL_METHODS_JSON);

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).contains("*.json").contains("*.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connections.json", "connections.yaml"})
    void readReportsEmptyFile(String name) throws IOException {
        Path file = write(name, "  \n");

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("the file is empty"));
    }

    static Stream<Arguments> badFileStructures() {
        return Stream.of(
                Arguments.of("[]", "", "the file must contain an object with a \"connections\" field, such as {\"connections\": {}}, but contains a list"),
                Arguments.of("{}", "connections", "is missing"),
                Arguments.of("{'connections': []}", "connections", "must be an object that maps connection ids to connections, but is a list"),
                Arguments.of("{'connection': {}}", "connection", "unknown field: did you mean 'connections'?"),
                Arguments.of("{'connections': {'crm': 'basic'}}", "connections.crm", "must be an object with an \"auth\" field, but is a string"),
                Arguments.of("{'connections': {'crm': {}}}", "connections.crm.auth", "is missing: add \"auth\" with a \"type\""),
                Arguments.of("{'connections': {'crm': {'auth': 'basic'}}}", "connections.crm.auth", "must be an object with a \"type\" field, but is a string"),
                Arguments.of("{'connections': {'crm': {'auth': {'type': 'basic', 'username': 'u', 'password': 'env:P'}, 'url': 'x'}}}",
                        "connections.crm.url", "unknown field: remove it, or use one of auth"));
    }

    @ParameterizedTest
    @MethodSource("badFileStructures")
    void readReportsBadStructureAtItsPath(String content, String path, String message) throws IOException {
        Path file = write("connections.json", content.replace('\'', '"'));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems)
                .filteredOn(problem -> problem.path().equals(path))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains(message));
        assertThat(problems).allSatisfy(problem -> PlainMessages.assertPlain(problem.message()));
    }

    @Test
    void readAcceptsEmptyConnections() throws IOException {
        ConnectionFile file = ConnectionFile.read(write("connections.json", "{\"connections\": {}}"), SECRET_SCHEMES);

        assertThat(file.loadAllConnections().get()).isEmpty();
        assertThat(file.loadConnection("crm").getLeft().message()).contains("no connections are configured");
    }

    @Test
    void invalidFileFailsEveryCallWithSameError() throws IOException {
        Path path = write("connections.json", connections(
                "'billing': {'auth': {'type': 'basic', 'username': 'u', 'password': 'literal'}},"
                        + "'ok': {'auth': {'type': 'basic', 'username': 'u', 'password': 'env:P'}}"));
        ConnectionFile file = ConnectionFile.read(path, SECRET_SCHEMES);

        Either<AuthError, Connection> valid = file.loadConnection("ok");
        Either<AuthError, Connection> unknown = file.loadConnection("unknown");
        Either<AuthError, List<Connection>> all = file.loadAllConnections();

        assertThat(valid.getLeft()).isInstanceOfSatisfying(AuthError.InvalidConfiguration.class, error -> {
            assertThat(error.source()).isEqualTo(path.toString());
            assertThat(error.problems()).extracting(ConfigProblem::path).containsExactly("connections.billing.auth.password");
        });
        assertThat(unknown.getLeft()).isEqualTo(valid.getLeft());
        assertThat(all.getLeft()).isEqualTo(valid.getLeft());
    }

    private static List<Connection> expectedConnections() {
        return List.of(
                new Connection("billing", new Basic("apiuser", ref("file:/run/secrets/billing-password"))),
                new Connection("crm", new OAuthClientCredentials(
                        URI.create("https://login.example.com/oauth2/v2.0/token"),
                        "12345678-90ab-cdef-1234-567890abcdef",
                        ref("env:CRM_CLIENT_SECRET"),
                        List.of("https://api.example.com/.default", "offline_access"),
                        ClientAuthentication.CLIENT_SECRET_POST,
                        Optional.of("api://crm"),
                        Optional.of("https://api.example.com/"),
                        TokenPolicy.DEFAULT.withRefreshSkew(Duration.ofSeconds(30)).withDefaultLifetime(Duration.ofMinutes(10)))),
                new Connection("geo", ApiKey.inQuery("api_key", ref("env:GEO_KEY"))),
                new Connection("maps", new ApiKey(ApiKey.Placement.HEADER, "Authorization", "Bearer ", ref("env:MAPS_KEY"))));
    }

    private static Arguments bad(String auth, String path, String message) {
        return Arguments.of(auth, path, message);
    }

    /** Wraps single-quoted connection entries into a connections file and turns the quotes into JSON's. */
    private static String connections(String entries) {
        return ("{'connections': {" + entries + "}}").replace('\'', '"');
    }

    private static List<String> scopesOf(ConnectionFile file, String id) {
        Either<AuthError, Connection> connection = file.loadConnection(id);
        assertThat(connection.isRight()).as("connection %s: %s", id, connection).isTrue();
        return ((OAuthClientCredentials) connection.get().auth()).scopes();
    }

    private static List<ConfigProblem> problemsOf(ConnectionFile file) {
        return invalidConfiguration(file).problems();
    }

    private static AuthError.InvalidConfiguration invalidConfiguration(ConnectionFile file) {
        Either<AuthError, List<Connection>> connections = file.loadAllConnections();
        assertThat(connections.isLeft()).as("connections: %s", connections).isTrue();
        assertThat(connections.getLeft()).isInstanceOf(AuthError.InvalidConfiguration.class);
        return (AuthError.InvalidConfiguration) connections.getLeft();
    }

    private static SecretRef ref(String text) {
        return SecretStoreContract.ref(text);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
