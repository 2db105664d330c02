package dev.httpauth.adapters.store;

import dev.httpauth.adapters.store.plugin.TypedFields;
import dev.httpauth.adapters.store.plugin.TypedFieldsProvider;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading values of the wrong kind, such as a fractional number for a whole number or text for a
 * boolean, and values out of range: the message names the expected value in plain words, at the
 * path of the field, and repeats no text of the file.
 */
class ConnectionFileValueTest {

    private static final Set<String> SECRET_SCHEMES = Set.of("env", "file");

    /** The fields of a valid {@link TypedFields} object in single-quoted JSON, without the braces. */
    private static final String TYPED = "'type': 'typed-fields', 'secret': 'env:S', 'attempts': 3, 'windowSeconds': 10, 'strict': true, 'ratio': 0.5";

    /** An OAuth auth object in single-quoted JSON whose token policy is the placeholder POLICY. */
    private static final String OAUTH = "{'type': 'oauth2-client-credentials', 'tokenEndpoint': 'https://login.example.com/token',"
            + " 'clientId': 'c', 'clientSecret': 'env:S', 'tokenPolicy': POLICY}";

    @TempDir
    private Path directory;

    static Stream<Arguments> wrongKindsInPluginFields() {
        return Stream.of(
                Arguments.of("'attempts': 1.5", "attempts", "must be a whole number, but is 1.5"),
                Arguments.of("'attempts': '3'", "attempts", "must be a whole number, but is a string: write it without quotes"),
                Arguments.of("'attempts': 'hunter2Literal'", "attempts", "must be a whole number, but is a string"),
                Arguments.of("'attempts': true", "attempts", "must be a whole number, but is a boolean"),
                Arguments.of("'attempts': [1]", "attempts", "must be a whole number, but is a list"),
                Arguments.of("'attempts': {}", "attempts", "must be a whole number, but is an object"),
                Arguments.of("'attempts': 3000000000", "attempts", "must be a whole number from -2147483648 to 2147483647, but is 3000000000"),
                Arguments.of("'windowSeconds': 1.5", "windowSeconds", "must be a whole number, but is 1.5"),
                Arguments.of("'windowSeconds': 99999999999999999999", "windowSeconds",
                        "must be a whole number from -9223372036854775808 to 9223372036854775807, but is 99999999999999999999"),
                Arguments.of("'strict': 'yes'", "strict", "must be true or false, but is a string"),
                Arguments.of("'strict': 'true'", "strict", "must be true or false, but is a string: write it without quotes"),
                Arguments.of("'strict': 1", "strict", "must be true or false, but is a number"),
                Arguments.of("'ratio': 'x'", "ratio", "must be a number, but is a string"),
                Arguments.of("'ratio': '0.5'", "ratio", "must be a number, but is a string: write it without quotes"),
                Arguments.of("'ratio': true", "ratio", "must be a number, but is a boolean"),
                Arguments.of("'ratio': 1e999", "ratio", "must be a finite number, but is too large"),
                Arguments.of("'maxRetries': 2.5", "maxRetries", "must be a whole number, but is 2.5"),
                Arguments.of("'maxRetries': 'x'", "maxRetries", "must be a whole number, but is a string"),
                Arguments.of("'mode': 'fast'", "mode", "'fast' is not a valid value: write it as 'FAST'"),
                Arguments.of("'mode': 'SLOW'", "mode", "'SLOW' is not a valid value: use one of FAST, SAFE"),
                Arguments.of("'mode': 1", "mode", "must be one of FAST, SAFE, but is a number"),
                Arguments.of("'ports': [1, 2.5]", "ports[1]", "must be a whole number, but is 2.5"),
                Arguments.of("'ports': 5", "ports", "must be a list, but is a number"),
                Arguments.of("'labels': {'team': 1}", "labels.team", "must be a string, but is a number: put the value in quotes"),
                Arguments.of("'labels': []", "labels", "must be an object, but is a list"));
    }

    @ParameterizedTest
    @MethodSource("wrongKindsInPluginFields")
    void wrongKindInPluginFieldIsNamed(String field, String path, String message) throws IOException {
        Path file = write(connections("'crm': {'auth': {" + withField(field) + "}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES, List.of(new TypedFieldsProvider())));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm.auth." + path);
            assertThat(problem.message()).isEqualTo(message);
            PlainMessages.assertPlain(problem.message());
        });
    }

    @Test
    void everyWrongKindInOneObjectIsReported() throws IOException {
        Path file = write(connections("'crm': {'auth': {'type': 'typed-fields', 'secret': 'env:S',"
                + " 'attempts': 1.5, 'windowSeconds': 'x', 'strict': 0, 'ratio': [], 'mode': 'fast'}}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES, List.of(new TypedFieldsProvider())));

        assertThat(problems).extracting(ConfigProblem::path).containsExactly(
                "connections.crm.auth.attempts",
                "connections.crm.auth.mode",
                "connections.crm.auth.ratio",
                "connections.crm.auth.strict",
                "connections.crm.auth.windowSeconds");
    }

    @Test
    void wholeNumberWrittenWithZeroFractionIsAccepted() throws IOException {
        Path file = write(connections("'crm': {'auth': {" + withField("'attempts': 3.0, 'windowSeconds': 1e3") + "}}"));

        Either<AuthError, Connection> connection = ConnectionFile.read(file, SECRET_SCHEMES, List.of(new TypedFieldsProvider())).loadConnection("crm");

        assertThat(connection.isRight()).as("connection: %s", connection).isTrue();
        TypedFields fields = (TypedFields) connection.get().auth();
        assertThat(fields.attempts()).isEqualTo(3);
        assertThat(fields.windowSeconds()).isEqualTo(1000L);
        assertThat(fields.mode()).isEqualTo(Optional.empty());
    }

    @Test
    void yamlSpecialNumbersAreRejected() throws IOException {
        Path file = Files.writeString(directory.resolve("connections.yaml"), """
                connections:
                  crm:
                    auth: {type: typed-fields, secret: "env:S", attempts: .inf, windowSeconds: 10, strict: true, ratio: .nan}
                """);

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES, List.of(new TypedFieldsProvider())));

        assertThat(problems).extracting(ConfigProblem::toString).containsExactly(
                "connections.crm.auth.attempts: must be a whole number, but is too large",
                "connections.crm.auth.ratio: must be a finite number, but is NaN");
    }

    static Stream<Arguments> wrongKindsInBuiltInFields() {
        return Stream.of(
                Arguments.of(OAUTH.replace("POLICY", "{'refreshAfterShare': 'x'}"), "tokenPolicy.refreshAfterShare",
                        "must be a number, but is a string"),
                Arguments.of(OAUTH.replace("POLICY", "{'refreshAfterShare': '0.5'}"), "tokenPolicy.refreshAfterShare",
                        "must be a number, but is a string: write it without quotes"),
                Arguments.of(OAUTH.replace("POLICY", "{'refreshAfterShare': true}"), "tokenPolicy.refreshAfterShare",
                        "must be a number, but is a boolean"),
                Arguments.of(OAUTH.replace("POLICY", "{'refreshAfterShare': {}}"), "tokenPolicy.refreshAfterShare",
                        "must be a number, but is an object"),
                Arguments.of(OAUTH.replace("POLICY", "{'jitter': 1e999}"), "tokenPolicy.jitter",
                        "must be a finite number, but is too large"),
                Arguments.of(OAUTH.replace("POLICY", "{'refreshSkew': 1.5}"), "tokenPolicy.refreshSkew",
                        "must be an ISO-8601 duration string such as PT60S (60 seconds) or PT5M (5 minutes), but is a number"),
                Arguments.of("{'type': 'basic', 'username': 1.5, 'password': 'env:P'}", "username",
                        "must be a string, but is a number: put the value in quotes"),
                Arguments.of("{'type': 'basic', 'username': false, 'password': 'env:P'}", "username",
                        "must be a string, but is a boolean: put the value in quotes"));
    }

    @ParameterizedTest
    @MethodSource("wrongKindsInBuiltInFields")
    void wrongKindInBuiltInFieldIsNamed(String auth, String path, String message) throws IOException {
        Path file = write(connections("'crm': {'auth': " + auth + "}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm.auth." + path);
            assertThat(problem.message()).isEqualTo(message);
            PlainMessages.assertPlain(problem.message());
        });
    }

    static Stream<Arguments> tokenPolicyValuesOutOfRange() {
        return Stream.of(
                Arguments.of("{'refreshAfterShare': 1.5}", "refreshAfterShare",
                        "must be greater than 0 and at most 1, but is 1.5: it is the share of the token's lifetime"
                                + " after which the token is refreshed, such as 0.8"),
                Arguments.of("{'refreshAfterShare': 0}", "refreshAfterShare",
                        "must be greater than 0 and at most 1, but is 0.0: it is the share of the token's lifetime"
                                + " after which the token is refreshed, such as 0.8"),
                Arguments.of("{'jitter': 1}", "jitter",
                        "must be at least 0 and less than 1, but is 1.0: it is the largest share of a retry delay"
                                + " that is taken off at random, such as 0.2"),
                Arguments.of("{'jitter': -0.1}", "jitter",
                        "must be at least 0 and less than 1, but is -0.1: it is the largest share of a retry delay"
                                + " that is taken off at random, such as 0.2"),
                Arguments.of("{'refreshSkew': 'PT-5S'}", "refreshSkew",
                        "must not be negative, but is PT-5S: use a duration such as PT60S, or PT0S to refresh by refreshAfterShare only"),
                Arguments.of("{'defaultLifetime': 'PT0S'}", "defaultLifetime",
                        "must be longer than zero, but is PT0S: use a duration such as PT5M"),
                Arguments.of("{'initialBackoff': 'PT-1S'}", "initialBackoff",
                        "must be longer than zero, but is PT-1S: use a duration such as PT1S"),
                Arguments.of("{'maxBackoff': 'PT0S'}", "maxBackoff",
                        "must be longer than zero, but is PT0S: use a duration such as PT2M"),
                Arguments.of("{'maxRetryAfter': 'PT-1S'}", "maxRetryAfter",
                        "must not be negative, but is PT-1S: use a duration such as PT5M, or PT0S to ignore Retry-After"),
                Arguments.of("{'initialBackoff': 'PT10M', 'maxBackoff': 'PT1M'}", "maxBackoff",
                        "is PT1M, shorter than initialBackoff PT10M: make it at least as long as initialBackoff"),
                Arguments.of("{'initialBackoff': 'PT10M'}", "initialBackoff",
                        "is PT10M, longer than maxBackoff, which is PT2M by default: shorten it, or set maxBackoff"));
    }

    @ParameterizedTest
    @MethodSource("tokenPolicyValuesOutOfRange")
    void tokenPolicyValueOutOfRangeIsReportedAtItsField(String policy, String field, String message) throws IOException {
        Path file = write(connections("'crm': {'auth': " + OAUTH.replace("POLICY", policy) + "}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm.auth.tokenPolicy." + field);
            assertThat(problem.message()).isEqualTo(message);
        });
    }

    @Test
    void tokenPolicyRangeProblemsAllReported() throws IOException {
        Path file = write(connections("'crm': {'auth': " + OAUTH.replace("POLICY",
                "{'refreshAfterShare': 2, 'jitter': 2, 'defaultLifetime': 'PT0S', 'refreshSkw': 'PT1S'}") + "}"));

        List<ConfigProblem> problems = problemsOf(ConnectionFile.read(file, SECRET_SCHEMES));

        assertThat(problems).extracting(ConfigProblem::path).containsExactly(
                "connections.crm.auth.tokenPolicy.defaultLifetime",
                "connections.crm.auth.tokenPolicy.jitter",
                "connections.crm.auth.tokenPolicy.refreshAfterShare",
                "connections.crm.auth.tokenPolicy.refreshSkw");
    }

    @Test
    void zeroMaxRetryAfterIsAccepted() throws IOException {
        Path file = write(connections("'crm': {'auth': " + OAUTH.replace("POLICY", "{'maxRetryAfter': 'PT0S'}") + "}"));

        Either<AuthError, Connection> connection = ConnectionFile.read(file, SECRET_SCHEMES).loadConnection("crm");

        assertThat(connection.isRight()).as("connection: %s", connection).isTrue();
        assertThat(((OAuthClientCredentials) connection.get().auth()).tokenPolicy().maxRetryAfter()).isZero();
    }

    @Test
    void tokenPolicyNumbersAreReadExactly() throws IOException {
        Path file = write(connections("'crm': {'auth': " + OAUTH.replace("POLICY", "{'refreshAfterShare': 0.75, 'jitter': 0}") + "}"));

        Either<AuthError, Connection> connection = ConnectionFile.read(file, SECRET_SCHEMES).loadConnection("crm");

        assertThat(connection.isRight()).as("connection: %s", connection).isTrue();
        OAuthClientCredentials oauth = (OAuthClientCredentials) connection.get().auth();
        assertThat(oauth.tokenPolicy().refreshAfterShare()).isEqualTo(0.75);
        assertThat(oauth.tokenPolicy().jitter()).isZero();
    }

    /** Returns the fields of a valid typed-fields object with {@code field} replacing the field of the same name. */
    private static String withField(String field) {
        String fields = TYPED;
        for (String entry : field.split(", (?=')")) {
            String name = entry.substring(0, entry.indexOf(':'));
            fields = fields.replaceAll(", " + name + ": [^,]+", "");
        }
        return fields + ", " + field;
    }

    private static String connections(String entries) {
        return ("{'connections': {" + entries + "}}").replace('\'', '"');
    }

    private static List<ConfigProblem> problemsOf(ConnectionFile file) {
        Either<AuthError, List<Connection>> all = file.loadAllConnections();
        assertThat(all.isLeft()).as("expected problems, but read %s", all).isTrue();
        return ((AuthError.InvalidConfiguration) all.getLeft()).problems();
    }

    private Path write(String content) throws IOException {
        return Files.writeString(directory.resolve("connections.json"), content);
    }
}
