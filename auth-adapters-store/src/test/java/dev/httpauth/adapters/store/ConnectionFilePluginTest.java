package dev.httpauth.adapters.store;

import dev.httpauth.adapters.store.plugin.MismatchedTypeIdProvider;
import dev.httpauth.adapters.store.plugin.WebhookSigning;
import dev.httpauth.adapters.store.plugin.WebhookSigningProvider;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading connections files whose auth objects use a plugin's method. */
class ConnectionFilePluginTest {

    private static final Set<String> SECRET_SCHEMES = Set.of("env", "file");

    private final WebhookSigningProvider provider = new WebhookSigningProvider();

    @TempDir
    private Path directory;

    @Test
    void jsonFileBindsPluginBesideBuiltIns() throws IOException {
        Path path = write("connections.json", connections(
                "'hooks': {'auth': {'type': 'webhook-signing', 'secret': 'env:HOOK_SECRET', 'keyId': 'K1',"
                        + " 'header': 'X-Hook-Signature', 'window': {'tolerance': 'PT5M'}}},"
                        + "'billing': {'auth': {'type': 'basic', 'username': 'u', 'password': 'env:P'}}"));

        Either<AuthError, List<Connection>> connections = ConnectionFile.read(path, SECRET_SCHEMES, List.of(provider)).loadAllConnections();

        assertThat(connections.isRight()).as("connections: %s", connections).isTrue();
        assertThat(connections.get()).containsExactly(
                new Connection("billing", new Basic("u", ref("env:P"))),
                new Connection("hooks", new WebhookSigning(ref("env:HOOK_SECRET"), "k1", Optional.of("X-Hook-Signature"),
                        Optional.of(new WebhookSigning.Window(Duration.ofMinutes(5))))));
    }

    @Test
    void yamlFileBindsPlugin() throws IOException {
        Path path = write("connections.yaml", """
                connections:
                  hooks:
                    auth:
                      type: webhook-signing
                      secret: env:HOOK_SECRET
                      keyId: K1
                """);

        Either<AuthError, Connection> hooks = ConnectionFile.read(path, SECRET_SCHEMES, List.of(provider)).loadConnection("hooks");

        assertThat(hooks.map(Connection::auth).getOrNull())
                .isEqualTo(new WebhookSigning(ref("env:HOOK_SECRET"), "k1", Optional.empty(), Optional.empty()));
    }

    @Test
    void providerValidationReturnsNormalizedConfiguration() throws IOException {
        Path path = write("connections.json", connections("'hooks': {'auth': {'type': 'webhook-signing', 'secret': 'env:S', 'keyId': 'MiXeD'}}"));

        Either<AuthError, Connection> hooks = ConnectionFile.read(path, SECRET_SCHEMES, List.of(provider)).loadConnection("hooks");

        assertThat(hooks.get().auth()).isInstanceOfSatisfying(WebhookSigning.class, signing -> assertThat(signing.keyId()).isEqualTo("mixed"));
    }

    static Stream<Arguments> badPluginAuthObjects() {
        return Stream.of(
                bad("{'type': 'webhook-signing', 'secret': 'env:S', 'keyId': 'k', 'heade': 'X-Sig'}",
                        "heade", "unknown field: did you mean 'header'?"),
                bad("{'type': 'webhook-signing', 'secret': 'env:S', 'keyId': 'k', 'colour': 'blue'}",
                        "colour", "unknown field: remove it, or use one of header, keyId, secret, type, window"),
                bad("{'type': 'webhook-signing', 'keyId': 'k'}",
                        "secret", "is missing: auth type 'webhook-signing' requires secret and keyId"),
                bad("{'type': 'webhook-signing', 'secret': 'hunter2-literal', 'keyId': 'k'}",
                        "secret", "is not a secret ref; a literal secret must not be stored in configuration"),
                bad("{'type': 'webhook-signing', 'secret': 'vault:hooks', 'keyId': 'k'}",
                        "secret", "names a secret store that is not configured"),
                bad("{'type': 'webhook-signing', 'secret': 'env:S', 'keyId': 'k', 'window': {'tolerence': 'PT1M'}}",
                        "window.tolerence", "unknown field: did you mean 'tolerance'?"),
                bad("{'type': 'webhook-signing', 'secret': 'env:S', 'keyId': 'k', 'window': {}}",
                        "window.tolerance", "is missing: window requires tolerance"),
                bad("{'type': 'webhook-signing', 'secret': 'env:S', 'keyId': 'k', 'window': {'tolerance': '5 minutes'}}",
                        "window.tolerance", "'5 minutes' is not an ISO-8601 duration"),
                bad("{'type': 'webhook-signing', 'secret': 'env:S', 'keyId': ['k']}",
                        "keyId", "must be a string, but is a list"),
                bad("{'type': 'webhook-signing', 'secret': 'env:S', 'keyId': 'k', 'header': 'X Sig'}",
                        "header", "'X Sig' is not a valid header name"),
                bad("{'type': 'webhook-signing', 'secret': 'env:S', 'keyId': ' '}",
                        "keyId", "is blank: set the key id the receiver expects"),
                bad("{'type': 'webhook-signin', 'secret': 'env:S', 'keyId': 'k'}",
                        "type", "did you mean 'webhook-signing'? The known types are api-key, basic, oauth2-client-credentials, webhook-signing"));
    }

    @ParameterizedTest
    @MethodSource("badPluginAuthObjects")
    void readReportsBadPluginFieldAtItsPath(String auth, String path, String message) throws IOException {
        Path file = write("connections.json", connections("'hooks': {'auth': " + auth + "}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES, List.of(provider)));

        assertThat(problems)
                .filteredOn(problem -> problem.path().equals("connections.hooks.auth." + path))
                .singleElement()
                .satisfies(problem -> assertThat(problem.message()).contains(message));
        assertThat(problems).allSatisfy(problem -> assertThat(problem.path()).startsWith("connections.hooks.auth."));
        assertThat(problems).allSatisfy(problem -> PlainMessages.assertPlain(problem.message()));
    }

    @Test
    void literalSecretIsNotRepeated() throws IOException {
        Path file = write("connections.json", connections("'hooks': {'auth': {'type': 'webhook-signing', 'secret': 'hunter2-literal', 'keyId': 'k'}}"));

        AuthError error = ConnectionFile.read(file, SECRET_SCHEMES, List.of(provider)).loadConnection("hooks").getLeft();

        assertThat(error.message()).doesNotContain("hunter2");
    }

    @Test
    void providerValidationSkippedAfterBindingProblems() throws IOException {
        Path file = write("connections.json", connections("'hooks': {'auth': {'type': 'webhook-signing', 'keyId': ' ', 'header': 'X Sig'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES, List.of(provider)));

        assertThat(problems).extracting(ConfigProblem::path).containsExactly("connections.hooks.auth.secret");
        assertThat(provider.validationCount()).isZero();
    }

    @Test
    void everyProblemOfEveryConnectionIsReported() throws IOException {
        Path file = write("connections.json", connections(
                "'a': {'auth': {'type': 'webhook-signing', 'secret': 'env:S', 'keyId': ' ', 'header': 'X Sig'}},"
                        + "'b': {'auth': {'type': 'webhook-signing', 'secret': 'env:S', 'keyId': 'k', 'heade': 'X'}},"
                        + "'c': {'auth': {'type': 'basic', 'username': 'u:v', 'password': 'env:P'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES, List.of(provider)));

        assertThat(problems).extracting(ConfigProblem::path).containsExactly(
                "connections.a.auth.header",
                "connections.a.auth.keyId",
                "connections.b.auth.heade",
                "connections.c.auth.username");
    }

    @Test
    void builtInReaderRejectsPluginType() throws IOException {
        Path file = write("connections.json", connections("'hooks': {'auth': {'type': 'webhook-signing', 'secret': 'env:S', 'keyId': 'k'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.hooks.auth.type");
            assertThat(problem.message()).contains("'webhook-signing' is not a known auth method type");
        });
    }

    @Test
    void mismatchedTypeIdBlamesPlugin() throws IOException {
        Path file = write("connections.json", connections("'hooks': {'auth': {'type': 'webhook-signing-v2', 'secret': 'env:S', 'keyId': 'k'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES, List.of(new MismatchedTypeIdProvider())));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.hooks.auth.type");
            assertThat(problem.message())
                    .contains(MismatchedTypeIdProvider.class.getName())
                    .contains("whose typeId() returns 'webhook-signing'")
                    .contains("the plugin is broken");
        });
    }

    private static Arguments bad(String auth, String path, String message) {
        return Arguments.of(auth, path, message);
    }

    private static String connections(String entries) {
        return ("{'connections': {" + entries + "}}").replace('\'', '"');
    }

    private static List<ConfigProblem> problemsOf(ConnectionFile file) {
        Either<AuthError, List<Connection>> all = file.loadAllConnections();
        assertThat(all.isLeft()).as("expected problems, but read %s", all).isTrue();
        return ((AuthError.InvalidConfiguration) all.getLeft()).problems();
    }

    private static SecretRef ref(String text) {
        return SecretRef.parse(text).get();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
