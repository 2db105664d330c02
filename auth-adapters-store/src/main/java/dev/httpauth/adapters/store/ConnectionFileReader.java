package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.HttpAuthMethod;
import io.vavr.control.Either;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a connections file: {@code {"connections": {"<id>": {"auth": {"type": ..., ...}}}}} in
 * JSON or YAML.
 *
 * <p>Every problem in the file is reported at once, each with its path, such as
 * {@code connections.crm.auth.scope}. Only a file that cannot be read or parsed at all stops the
 * reading early, with one problem that explains why.
 */
final class ConnectionFileReader {

    /** The top-level field that maps connection ids to connections. */
    static final String CONNECTIONS = "connections";

    /** The field of a connection that contains its auth method. */
    static final String AUTH = "auth";

    // NOTE: STRICT_DUPLICATE_DETECTION turns a repeated key into a parse error. A file with a
    // duplicate then reports only that duplicate, and its other problems show once it is fixed.
    // FAIL_ON_TRAILING_TOKENS is off because parse() looks for text after the value itself, so
    // that it can name a second YAML document. USE_BIG_DECIMAL_FOR_FLOATS keeps numbers exact in
    // the tree, so that 1.0000000000000001 is not taken for the whole number 1.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Map<String, Format> FORMATS_BY_EXTENSION = Map.of(
            ".json", new Format("JSON", JSON),
            ".yaml", new Format("YAML", YAML),
            ".yml", new Format("YAML", YAML));

    /**
     * The largest file this reader loads. A connection takes a few hundred bytes, so thousands fit in
     * one MiB: a larger file is most likely the wrong one, and the bound keeps it from filling the memory.
     */
    private static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

    private static final Comparator<ConfigProblem> BY_PATH =
            Comparator.comparing(ConfigProblem::path).thenComparing(ConfigProblem::message);

    private ConnectionFileReader() {
    }

    /** A file format: its name for messages and the mapper that parses it into a tree. */
    private record Format(String name, ObjectMapper mapper) {
    }

    /**
     * Reads {@code file}, whose format follows its extension: {@code .json}, {@code .yaml} or
     * {@code .yml}.
     *
     * @param secretSchemes the schemes of the configured secret stores; a ref with another scheme is a problem
     * @param methods the auth method types the file may use
     * @return the connections in id order, or every problem sorted by path
     */
    static Either<List<ConfigProblem>, List<Connection>> read(Path file, Set<String> secretSchemes, ConnectionFileFormat methods) {
        AuthMethodBinder binder = new AuthMethodBinder(methods);
        return formatOf(file)
                .flatMap(format -> readContent(file)
                        .flatMap(content -> ConnectionFileText.decode(content, format.name()))
                        .flatMap(text -> parse(text, format)))
                .mapLeft(List::of)
                .flatMap(root -> bindConnections(root, secretSchemes, binder, methods));
    }

    private static Either<ConfigProblem, Format> formatOf(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        return FORMATS_BY_EXTENSION.entrySet().stream()
                .filter(entry -> name.endsWith(entry.getKey()))
                .findFirst()
                .<Either<ConfigProblem, Format>>map(entry -> Either.right(entry.getValue()))
                .orElseGet(() -> Either.left(new ConfigProblem("",
                        "the file name has no supported extension: name it *.json for JSON, or *.yaml or *.yml for YAML")));
    }

    private static Either<ConfigProblem, byte[]> readContent(Path file) {
        if (Files.isDirectory(file)) {
            return Either.left(new ConfigProblem("", file.toAbsolutePath() + " is a directory: point to the connections file itself"));
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return Either.left(new ConfigProblem("", "the file " + file.toAbsolutePath() + " has " + size + " bytes, more than the "
                        + MAX_FILE_BYTES + " bytes (16 MiB) this reader accepts: check that it is the connections file"));
            }
            return Either.right(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Either.left(new ConfigProblem("", "the file " + file.toAbsolutePath()
                    + " does not exist: create it, starting with {\"connections\": {}}, or pass --config FILE to read another file"));
        } catch (AccessDeniedException e) {
            return Either.left(new ConfigProblem("", "the file " + file.toAbsolutePath()
                    + " cannot be read (permission denied): make it readable by the user that runs httpauth"));
        } catch (FileSystemException e) {
            // The reason is the operating system's, such as "Too many levels of symbolic links", and
            // toString() would add the name of the Java exception.
            return Either.left(new ConfigProblem("", "the file " + file.toAbsolutePath() + " cannot be read: " + e.getReason()));
        } catch (IOException e) {
            return Either.left(new ConfigProblem("", "the file " + file.toAbsolutePath() + " cannot be read: " + e.getMessage()));
        }
    }

    private static Either<ConfigProblem, JsonNode> parse(String text, Format format) {
        try (JsonParser parser = format.mapper().createParser(text)) {
            return parse(parser, format, text);
        }
    }

    /** Reads the one value of the file, and reports text after it, such as a second YAML document. */
    private static Either<ConfigProblem, JsonNode> parse(JsonParser parser, Format format, String text) {
        JsonNode root;
        try {
            Either<ConfigProblem, JsonNode> tree = parser instanceof YAMLParser yaml
                    ? YamlTreeReader.read(yaml, format.mapper(), text)
                    : Either.right(format.mapper().readTree(parser));
            if (tree.isLeft()) {
                return tree;
            }
            root = tree.get();
        } catch (JacksonException e) {
            return Either.left(SyntaxErrors.problem(e, parser));
        }
        if (root == null || root.isMissingNode()) {
            return Either.left(new ConfigProblem("", "the file is empty: start it with {\"connections\": {}} and add one entry per connection"));
        }

        TokenStreamLocation rootEnd = parser.currentLocation();
        TokenStreamLocation next;
        try {
            if (parser.nextToken() == null) {
                return Either.right(root);
            }
            next = parser.currentTokenLocation();
        } catch (JacksonException e) {
            // Text that cannot even be read follows a complete value: it is reported as text after that value.
            next = e.getLocation() == null ? parser.currentLocation() : e.getLocation();
        }
        return Either.left(parser instanceof YAMLParser
                ? YamlSyntaxErrors.secondDocument(text, rootEnd, next)
                : SyntaxErrors.contentAfterValue(next));
    }

    private static Either<List<ConfigProblem>, List<Connection>> bindConnections(
            JsonNode root,
            Set<String> secretSchemes,
            AuthMethodBinder binder,
            ConnectionFileFormat methods) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        if (!root.isObject()) {
            problems.add(new ConfigProblem("", "the file must contain an object with a \"connections\" field, such as {\"connections\": {}}, but contains "
                    + JsonPaths.describe(root)));
            return Either.left(problems);
        }
        problems.addAll(unknownFieldProblems(root, "", List.of(CONNECTIONS)));

        JsonNode connectionsNode = root.get(CONNECTIONS);
        if (connectionsNode == null) {
            problems.add(new ConfigProblem(CONNECTIONS, "is missing: add \"connections\": {} with one entry per connection, keyed by connection id"));
        } else if (!connectionsNode.isObject()) {
            problems.add(new ConfigProblem(CONNECTIONS, "must be an object that maps connection ids to connections, but is "
                    + JsonPaths.describe(connectionsNode)));
        } else {
            connectionsNode.properties().forEach(entry ->
                    bindConnection(entry.getKey(), entry.getValue(), secretSchemes, binder, methods, problems).ifPresent(connections::add));
        }

        if (!problems.isEmpty()) {
            return Either.left(problems.stream().distinct().sorted(BY_PATH).toList());
        }
        return Either.right(connections.stream().sorted(Comparator.comparing(Connection::id)).toList());
    }

    /** Binds one connection, adding its problems to {@code problems}; returns it only if it has none. */
    private static Optional<Connection> bindConnection(
            String id,
            JsonNode node,
            Set<String> secretSchemes,
            AuthMethodBinder binder,
            ConnectionFileFormat methods,
            List<ConfigProblem> problems) {
        String path = JsonPaths.child(CONNECTIONS, id);
        List<ConfigProblem> found = new ArrayList<>();
        ConnectionCatalog.idProblem(id).ifPresent(message -> found.add(new ConfigProblem(path, message)));
        Optional<AuthMethodBinder.Binding> binding = bindAuth(node, path, secretSchemes, binder, methods, found);

        String authPath = JsonPaths.child(path, AUTH);
        Optional<HttpAuthMethod> validated = binding.flatMap(bound -> validate(bound, methods, authPath, found));

        problems.addAll(found);
        if (!found.isEmpty()) {
            return Optional.empty();
        }
        return validated.map(method -> new Connection(id, method));
    }

    /**
     * Adds the problems of {@code bound} to {@code found} and validates its method. A built-in
     * method is validated even when binding found problems, so that the user sees them all. A
     * plugin's method is validated only when binding found none, because the plugin may expect
     * every required field to be set.
     */
    private static Optional<HttpAuthMethod> validate(
            AuthMethodBinder.Binding bound,
            ConnectionFileFormat methods,
            String authPath,
            List<ConfigProblem> found) {
        bound.problems().forEach(problem -> found.add(problem.under(authPath)));
        if (bound.method().isEmpty() || (!bound.problems().isEmpty() && methods.isPlugin(bound.typeId()))) {
            return Optional.empty();
        }
        Either<List<ConfigProblem>, HttpAuthMethod> validated = methods.validate(bound.typeId(), bound.method().get());
        validated.peekLeft(problems -> problems.forEach(problem -> found.add(problem.under(authPath))));
        return validated.toJavaOptional();
    }

    private static Optional<AuthMethodBinder.Binding> bindAuth(
            JsonNode connection,
            String path,
            Set<String> secretSchemes,
            AuthMethodBinder binder,
            ConnectionFileFormat methods,
            List<ConfigProblem> found) {
        if (!connection.isObject()) {
            found.add(new ConfigProblem(path, "must be an object with an \"auth\" field, but is " + JsonPaths.describe(connection)));
            return Optional.empty();
        }
        found.addAll(unknownFieldProblems(connection, path, List.of(AUTH)));

        String authPath = JsonPaths.child(path, AUTH);
        JsonNode auth = connection.get(AUTH);
        if (auth == null || auth.isNull()) {
            found.add(new ConfigProblem(authPath, "is missing: add \"auth\" with a \"type\", one of "
                    + FieldNames.sorted(methods.types().keySet()) + ", and the fields of that type"));
            return Optional.empty();
        }
        if (!auth.isObject()) {
            found.add(new ConfigProblem(authPath, "must be an object with a \"type\" field, but is " + JsonPaths.describe(auth)));
            return Optional.empty();
        }
        return Optional.of(binder.bind(auth, secretSchemes));
    }

    private static List<ConfigProblem> unknownFieldProblems(JsonNode object, String path, List<String> knownNames) {
        return object.propertyNames().stream()
                .filter(name -> !knownNames.contains(name))
                .map(name -> new ConfigProblem(JsonPaths.child(path, name), FieldNames.unknownFieldMessage(name, knownNames)))
                .toList();
    }
}
