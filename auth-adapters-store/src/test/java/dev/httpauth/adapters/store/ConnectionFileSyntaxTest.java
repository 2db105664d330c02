package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading connections files that cannot be parsed: each message names the place and the fix in
 * plain words and never repeats the text of the file.
 */
class ConnectionFileSyntaxTest {

    private static final Set<String> SECRET_SCHEMES = Set.of("env", "file");

    private static final String BASIC_CONNECTION = "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"username\": \"Jos\u00e9\", \"password\": \"env:P\"}}}}";

    /** A literal secret pasted into the file, which no message may repeat. */
    private static final String SECRET = "hunter2Literal";

    @TempDir
    private Path directory;

    static Stream<Arguments> truncatedFiles() {
        return Stream.of(
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\"",
                        "connections.crm.auth",
                        "the file ends at line 1, column 50 before the object that starts at line 1, column 34 is closed."
                                + " If the file was cut off, restore its end, or else finish the last value and add '}}}}'"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"oauth2-client-credentials\", \"scope\": [\"a\",",
                        "connections.crm.auth.scope",
                        "the file ends at line 1, column 86 before the list that starts at line 1, column 81 is closed."
                                + " If the file was cut off, restore its end, or else finish the last value and add ']}}}}'"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\",\n \"password\": \"" + SECRET,
                        "connections.crm.auth.password",
                        "the file ends at line 2, column 29 inside the string that starts at line 2, column 14."
                                + " If the file was cut off, restore its end, or else add the closing '\"' and then '}}}}'"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\",\n \"passw",
                        "connections.crm.auth",
                        "the file ends at line 2, column 8 inside a field name. If the file was cut off, restore its end,"
                                + " or else finish the field and add '}}}}'"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, password: '" + SECRET,
                        "connections.crm.auth.password",
                        "the file ends at line 3, column 50 inside the quoted text that starts at line 3, column 35."
                                + " If the file was cut off, restore its end, or else add the closing quote"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, password: " + SECRET,
                        "connections.crm.auth",
                        "the file ends at line 3, column 49 before the object that starts at line 3, column 11 is closed."
                                + " If the file was cut off, restore its end, or else finish the last value and add '}'"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth:\n      type: oauth2-client-credentials\n      scope: [a, b",
                        "connections.crm.auth.scope",
                        "the file ends at line 5, column 19 before the list that starts at line 5, column 14 is closed."
                                + " If the file was cut off, restore its end, or else finish the last value and add ']'"));
    }

    @ParameterizedTest
    @MethodSource("truncatedFiles")
    void truncatedFileNamesUnclosedValue(String name, String content, String path, String message) throws IOException {
        Path file = write(name, content);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo(path);
            assertThat(problem.message()).isEqualTo(message);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"connections.json", "connections.yaml"})
    void deepNestingReportsLimitAndPosition(String name) throws IOException {
        String content = "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"x\": " + "[".repeat(600) + "]".repeat(600) + "}}}}";
        Path file = write(name, content);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm.auth.x");
            assertThat(problem.message())
                    .startsWith("is nested more than 500 levels deep at line 1, column ")
                    .endsWith(", which is the maximum this reader accepts."
                            + " A connections file needs only a few levels, so look for brackets that are opened but never closed");
            PlainMessages.assertPlain(problem.message());
        });
    }

    @Test
    void overlongNumberReportsLimit() throws IOException {
        Path file = write("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"username\": "
                + "9".repeat(1200) + "}}}}");

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm.auth.username");
            assertThat(problem.message()).matches("the number that reaches line 1, column \\d+ is longer than 1000 characters,"
                    + " the maximum this reader accepts: write it with fewer digits");
        });
    }

    @Test
    void overlongFieldNameReportsLimit() throws IOException {
        Path file = write("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"" + "x".repeat(60_000) + "\": 1}}}}");

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("connections.crm.auth");
            assertThat(problem.message()).matches("the field name that reaches line 1, column \\d+ is longer than 50000 characters,"
                    + " the maximum this reader accepts: shorten it");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"connections\": {}} {\"extra\": 1}", "{\"connections\": {}} " + SECRET, "{\"connections\": {}}\n[]"})
    void contentAfterJsonObjectIsReported(String content) throws IOException {
        Path file = write("connections.json", content);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEmpty();
            assertThat(problem.message()).matches("the file continues after its top-level value ends, at line \\d, column \\d+\\."
                    + " A connections file contains one JSON object: remove what follows it, or move it into that object");
        });
    }

    @Test
    void invalidUtf8InJsonReportsPosition() throws IOException {
        byte[] content = "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"username\": \"u\u00e9\", \"password\": \"env:P\"}}}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(directory.resolve("connections.json"), content);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEmpty();
            assertThat(problem.message()).isEqualTo("the file is not valid UTF-8 at line 1, column 66 (byte offset 65): save it in the UTF-8 encoding");
        });
    }

    @Test
    void invalidUtf8InYamlReportsPosition() throws IOException {
        byte[] content = "connections:\n  crm:\n    auth: {type: basic, username: Jos\u00e9, password: 'env:P'}\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(directory.resolve("connections.yaml"), content);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEmpty();
            assertThat(problem.message()).isEqualTo("the file is not valid UTF-8 at line 3, column 38 (byte offset 57): save it in the UTF-8 encoding");
        });
    }

    @Test
    void invalidUtf16AfterByteOrderMarkIsReported() throws IOException {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] text = "{\"connections\": {}}".getBytes(StandardCharsets.UTF_16LE);
        byte[] loneSurrogate = {0x00, (byte) 0xD8};
        Path file = Files.write(directory.resolve("connections.json"), concat(bom, text, loneSurrogate));

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).isEqualTo(
                "the file starts with a UTF-16LE byte order mark but is not valid UTF-16LE at line 1, column 20 (byte offset 40):"
                        + " save it in the UTF-8 encoding"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"connections.json", "connections.yaml"})
    void utf8ByteOrderMarkIsSkipped(String name) throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = Files.write(directory.resolve(name), concat(bom, BASIC_CONNECTION.getBytes(StandardCharsets.UTF_8)));

        Either<AuthError, List<Connection>> connections = ConnectionFile.read(file, SECRET_SCHEMES).loadAllConnections();

        assertThat(connections.get()).extracting(Connection::id).containsExactly("crm");
    }

    static Stream<Arguments> encodingsWithByteOrderMark() {
        return Stream.of(
                Arguments.of("connections.json", "UTF-16BE"),
                Arguments.of("connections.json", "UTF-16LE"),
                Arguments.of("connections.yaml", "UTF-16LE"),
                Arguments.of("connections.json", "UTF-32BE"),
                Arguments.of("connections.yaml", "UTF-32LE"));
    }

    @ParameterizedTest
    @MethodSource("encodingsWithByteOrderMark")
    void otherUnicodeEncodingWithByteOrderMarkIsRead(String name, String encoding) throws IOException {
        Charset charset = Charset.forName(encoding);
        Path file = Files.write(directory.resolve(name), ("\uFEFF" + BASIC_CONNECTION).getBytes(charset));

        Either<AuthError, List<Connection>> connections = ConnectionFile.read(file, SECRET_SCHEMES).loadAllConnections();

        assertThat(connections.isRight()).as("connections: %s", connections).isTrue();
        assertThat(connections.get()).extracting(Connection::id).containsExactly("crm");
    }

    @ParameterizedTest
    @ValueSource(strings = {"connections.json", "connections.yaml"})
    void byteOrderMarkAloneIsEmptyFile(String name) throws IOException {
        Path file = Files.write(directory.resolve(name), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'});

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).startsWith("the file is empty"));
    }

    static Stream<Arguments> controlCharacters() {
        return Stream.of(
                Arguments.of("connections.json", "{\"connections\": {\"c\u0001rm\": {}}}",
                        "the file contains the control character U+0001 at line 1, column 20, which JSON does not allow: remove it"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\",\n  \"password\": \"env:\u001bP\"}}}}",
                        "the file contains the control character U+001B at line 2, column 20, which JSON does not allow: remove it"),
                Arguments.of("connections.yaml", "connections:\n  c\u0001rm:\n    auth: {type: basic}\n",
                        "the file contains the control character U+0001 at line 2, column 4, which YAML does not allow: remove it"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, username: \"u\u007f\"}\n",
                        "the file contains the control character U+007F at line 3, column 37, which the YAML reader does not accept: remove it"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, username: \"u\u0085\u0090\"}\n",
                        "the file contains the control character U+0090 at line 3, column 38, which the YAML reader does not accept: remove it"));
    }

    @ParameterizedTest
    @MethodSource("controlCharacters")
    void controlCharacterReportsPosition(String name, String content, String message) throws IOException {
        Path file = write(name, content);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEmpty();
            assertThat(problem.message()).isEqualTo(message);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32LE"})
    void wideEncodingWithoutByteOrderMarkIsNamed(String encoding) throws IOException {
        Path file = Files.write(directory.resolve("connections.json"), BASIC_CONNECTION.getBytes(Charset.forName(encoding)));

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message()).isEqualTo(
                "the file looks like UTF-16 or UTF-32 without a byte order mark, because its first characters contain zero bytes:"
                        + " save it in the UTF-8 encoding"));
    }

    static Stream<Arguments> badBytesInSecret() {
        return Stream.of(
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": \"hunter2\u00e9Literal\"}}}}"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, password: hunter2\u00e9Literal}\n"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": \"hunter2\u0007Literal\"}}}}"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, password: \"hunter2\u0080Literal\"}\n"));
    }

    @ParameterizedTest
    @MethodSource("badBytesInSecret")
    void encodingMessagesNeverRepeatFileText(String name, String content) throws IOException {
        Path file = Files.write(directory.resolve(name), content.getBytes(StandardCharsets.ISO_8859_1));

        AuthError.InvalidConfiguration error = invalidConfiguration(file);

        assertThat(error.message()).doesNotContain("hunter").doesNotContain("Literal");
        error.problems().forEach(problem -> PlainMessages.assertPlain(problem.message()));
    }

    static Stream<Arguments> malformedJson() {
        return Stream.of(
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\" \"username\": \"u\"}}}}",
                        "invalid JSON at line 1, column 51: expected ',' before the next field, or '}' to close the object"),
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": \"oauth2-client-credentials\", \"scope\": [\"a\" \"b\"]}}}}",
                        "invalid JSON at line 1, column 86: expected ',' before the next value, or ']' to close the list"),
                Arguments.of("{\"connections\": {},}",
                        "invalid JSON at line 1, column 20: expected a field name in double quotes after ','. JSON does not allow a comma before '}'"),
                Arguments.of("{connections: {}}",
                        "invalid JSON at line 1, column 2: expected a field name in double quotes"),
                Arguments.of("{'connections': {}}",
                        "invalid JSON at line 1, column 2: JSON writes field names and text in double quotes, not single quotes"),
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": 'basic'}}}}",
                        "invalid JSON at line 1, column 43: JSON writes field names and text in double quotes, not single quotes"),
                Arguments.of("{\"connections\" {}}",
                        "invalid JSON at line 1, column 16: expected ':' after the field name"),
                Arguments.of("{\"connections\": }",
                        "invalid JSON at line 1, column 17: expected a value: text in double quotes, a number, true, false, null, an object or a list"),
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": basic}}}}",
                        "invalid JSON at line 1, column 43: expected a value, and text must be in double quotes"),
                Arguments.of("// connections\n{\"connections\": {}}",
                        "invalid JSON at line 1, column 1: JSON does not allow comments: remove the comment,"
                                + " or write the file as YAML (.yaml), where '#' starts a comment"),
                Arguments.of("# connections\n{\"connections\": {}}",
                        "invalid JSON at line 1, column 1: JSON does not allow comments: remove the comment,"
                                + " or write the file as YAML (.yaml), where '#' starts a comment"),
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"username\": NaN}}}}",
                        "invalid JSON at line 1, column 67: NaN and Infinity are not JSON numbers: write a number such as 0.5"),
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"username\": 007}}}}",
                        "invalid JSON at line 1, column 65: invalid number: write it like 3, -1.5 or 2e3"),
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"username\": +1}}}}",
                        "invalid JSON at line 1, column 65: invalid number: write it like 3, -1.5 or 2e3"),
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": \"file:C:\\secrets\\crm\"}}}}",
                        "invalid JSON at line 1, column 73: invalid escape sequence in a string: write a backslash as \\\\,"
                                + " and use only the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits"),
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"username\": \"a\nb\"}}}}",
                        "invalid JSON at line 1, column 66: a string must end on the line where it starts: close it with '\"',"
                                + " or write a line break in it as \\n"),
                Arguments.of("{\"connections\": {}}}",
                        "the file continues after its top-level value ends, at line 1, column 20."
                                + " A connections file contains one JSON object: remove what follows it, or move it into that object"),
                Arguments.of("{\"connections\": {\"crm\": {\"auth\": {\"type\": \"oauth2-client-credentials\", \"scope\": [\"a\"}}}}",
                        "invalid JSON at line 1, column 85: '}' does not close the list that starts at line 1, column 81: close that list with ']' first"));
    }

    @ParameterizedTest
    @MethodSource("malformedJson")
    void malformedJsonIsDescribedInPlainWords(String content, String message) throws IOException {
        Path file = write("connections.json", content);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo(message);
            PlainMessages.assertPlain(problem.message());
        });
    }

    static Stream<Arguments> malformedYaml() {
        return Stream.of(
                Arguments.of("connections:\n  crm:\n    auth:\n      type: basic\n     username: u\n",
                        "invalid YAML at line 5, column 6: the indentation here does not match the lines above:"
                                + " indent the fields of one object by the same number of spaces"),
                Arguments.of("connections:\n  crm:\n    auth: {type: basic, password: env:P: Q}\n",
                        "invalid YAML at line 3, column 40: in the object in braces that starts at line 3, column 11: expected ',' or '}', but got ':'"),
                Arguments.of("connections:\n  crm:\n    auth: basic: yes\n",
                        "invalid YAML at line 3, column 16: a ': ' here starts a field where YAML does not expect one:"
                                + " put the value in quotes if it contains ': ', or fix the indentation"),
                Arguments.of("connections:\n\tcrm: {}\n",
                        "invalid YAML at line 2, column 1: YAML does not allow tabs for indentation: indent with spaces"),
                Arguments.of("connections:\n  crm:\n    auth: {type: basic, username: u, password: @x}\n",
                        "invalid YAML at line 3, column 48: a value cannot start with '@' or a backquote: put the value in quotes"),
                Arguments.of("connections:\n  crm: {auth: [a, b}\n",
                        "invalid YAML at line 2, column 20: in the list in brackets that starts at line 2, column 15:"
                                + " expected ',' or ']', but got '}'"),
                Arguments.of("connections:\n  ? [a, b]\n  : {auth: {type: basic}}\n",
                        "invalid YAML at line 2, column 5: a key must be plain text, not a list, an object or an alias"));
    }

    @ParameterizedTest
    @MethodSource("malformedYaml")
    void malformedYamlIsDescribedInPlainWords(String content, String message) throws IOException {
        Path file = write("connections.yaml", content);

        List<ConfigProblem> problems = problemsOf(file);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.message()).isEqualTo(message);
            PlainMessages.assertPlain(problem.message());
        });
    }

    static Stream<Arguments> filesWithPastedSecret() {
        return Stream.of(
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": SECRET}}}}"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": \"SECRET"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": \"SEC\\qRET\"}}}}"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": \"SECRET\"x\"}}}}"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": 'SECRET'}}}}"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", SECRET}}}}"),
                Arguments.of("connections.json", "{\"connections\": {}} SECRET"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": \"SEC\nRET\"}}}}"),
                Arguments.of("connections.json", "{\"connections\": {\"crm\": {\"auth\": {\"type\": \"basic\", \"password\": SECRET"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, password: 'SECRET"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, password: SECRET"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, password: SECRET: x}\n"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth:\n      password: SECRET: x\n"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth:\n      password: \"SEC\\qRET\"\n"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth:\n      password: @SECRET\n"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth:\n      password: |\n        SECRET\n     x: 1\n"),
                Arguments.of("connections.yaml", "connections: {}\n---\nSECRET\n"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth: {type: basic, username: u, password: *SECRET}\n"),
                Arguments.of("connections.yaml", "connections:\n  crm:\n    auth:\n      <<: &SECRET x\n"));
    }

    @ParameterizedTest
    @MethodSource("filesWithPastedSecret")
    void syntaxMessagesNeverRepeatFileText(String name, String content) throws IOException {
        Path file = write(name, content.replace("SECRET", SECRET));

        AuthError.InvalidConfiguration error = invalidConfiguration(file);

        assertThat(error.message()).doesNotContain("hunter").doesNotContain("Literal");
        error.problems().forEach(problem -> PlainMessages.assertPlain(problem.message()));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private List<ConfigProblem> problemsOf(Path file) {
        return invalidConfiguration(file).problems();
    }

    private static AuthError.InvalidConfiguration invalidConfiguration(Path file) {
        Either<AuthError, List<Connection>> connections = ConnectionFile.read(file, SECRET_SCHEMES).loadAllConnections();
        assertThat(connections.isLeft()).as("connections: %s", connections).isTrue();
        assertThat(connections.getLeft()).isInstanceOf(AuthError.InvalidConfiguration.class);
        return (AuthError.InvalidConfiguration) connections.getLeft();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
