package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import io.vavr.control.Either;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the first document of a YAML file into a tree, with its aliases ({@code *name}) replaced
 * by copies of their anchored values ({@code &name}) and its merge keys ({@code <<}) applied.
 *
 * <p>Jackson's YAML parser reports an alias as a string with the anchor's name and drops the
 * anchors of scalars, so a first pass over SnakeYAML's events finds every anchor by the position
 * of its value. A merge key adds the fields of an object, or of each object in a list, that the
 * mapping does not set itself. An earlier object in the list wins over a later one, as the merge
 * key type of YAML 1.1 (yaml.org/type/merge) defines. Aliases may repeat at most
 * {@value #MAX_ALIASED_VALUES} values in all, so that a file whose aliases nest cannot fill the memory.
 *
 * <p>Not thread-safe: one instance reads one file.
 */
final class YamlTreeReader {

    /**
     * The maximum number of values that aliases may repeat in one file. Each level of aliases that
     * repeat aliases multiplies the values, so a short file could otherwise expand to billions.
     */
    static final int MAX_ALIASED_VALUES = 100_000;

    /** The key whose value is merged into the mapping that contains it. */
    static final String MERGE_KEY = "<<";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YAMLParser parser;
    private final ObjectMapper mapper;
    private final Map<NodePosition, String> anchorsByPosition;
    private final Map<String, JsonNode> anchoredValues = new HashMap<>();
    private final Map<String, Object> openAnchors = new HashMap<>();
    private int aliasedValues;

    /** The kind of a value and the character offset where it starts, which both passes agree on. */
    private record NodePosition(JsonToken kind, long offset) {
    }

    /** Stops reading at a problem with the aliases or merge keys, which {@link #read} returns. */
    private static final class ProblemFound extends RuntimeException {

        private final transient ConfigProblem problem;

        ProblemFound(ConfigProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    private YamlTreeReader(YAMLParser parser, ObjectMapper mapper, Map<NodePosition, String> anchorsByPosition) {
        this.parser = parser;
        this.mapper = mapper;
        this.anchorsByPosition = anchorsByPosition;
    }

    /**
     * Reads the first document of {@code text} from {@code parser}, which {@code mapper} created
     * for that text.
     *
     * @return the root, {@code null} for a file without a document, or the problem with an alias or
     *     a merge key
     * @throws JacksonException if the text is not valid YAML
     */
    static Either<ConfigProblem, JsonNode> read(YAMLParser parser, ObjectMapper mapper, String text) {
        YamlTreeReader reader = new YamlTreeReader(parser, mapper, anchorsByPosition(text));
        try {
            JsonToken first = parser.nextToken();
            return Either.right(first == null ? null : reader.value(first));
        } catch (ProblemFound e) {
            return Either.left(e.problem);
        }
    }

    /**
     * Finds the anchor of every value in {@code text} by the value's position. Text that SnakeYAML
     * cannot parse ends the search: the second pass then reports the error.
     */
    private static Map<NodePosition, String> anchorsByPosition(String text) {
        Map<NodePosition, String> anchors = new HashMap<>();
        if (text.indexOf('&') < 0) {
            return anchors;
        }
        try {
            for (Event event : new Parse(LoadSettings.builder().build()).parseString(text)) {
                if (event instanceof NodeEvent node && node.getAnchor().isPresent() && event.getStartMark().isPresent()) {
                    kindOf(event).ifPresent(kind -> anchors.put(
                            new NodePosition(kind, event.getStartMark().get().getIndex()), node.getAnchor().get().getValue()));
                }
            }
        } catch (YamlEngineException e) {
            // The same error stops Jackson's parser, which reports it with the path.
        }
        return anchors;
    }

    /** Returns the kind of value an event starts, with scalars of every type as a string. */
    private static Optional<JsonToken> kindOf(Event event) {
        return switch (event.getEventId()) {
            case MappingStart -> Optional.of(JsonToken.START_OBJECT);
            case SequenceStart -> Optional.of(JsonToken.START_ARRAY);
            case Scalar -> Optional.of(JsonToken.VALUE_STRING);
            default -> Optional.empty();
        };
    }

    private JsonNode value(JsonToken token) {
        if (parser.isCurrentAlias()) {
            return alias();
        }
        Optional<String> anchor = anchorOf(token);
        Object occurrence = new Object();
        anchor.ifPresent(name -> openAnchors.put(name, occurrence));

        JsonNode value = switch (token) {
            case START_OBJECT -> object();
            case START_ARRAY -> array();
            case VALUE_NULL -> NODES.nullNode();
            default -> mapper.readTree(parser);
        };

        // A later value with the same anchor may have replaced this one while it was open.
        anchor.filter(name -> openAnchors.get(name) == occurrence).ifPresent(name -> {
            openAnchors.remove(name);
            anchoredValues.put(name, value);
        });
        return value;
    }

    private Optional<String> anchorOf(JsonToken token) {
        JsonToken kind = token.isScalarValue() ? JsonToken.VALUE_STRING : token;
        return Optional.ofNullable(anchorsByPosition.get(new NodePosition(kind, parser.currentTokenLocation().getCharOffset())));
    }

    private ObjectNode object() {
        ObjectNode object = NODES.objectNode();
        List<ObjectNode> merged = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            String mergeKeyPosition = at();
            JsonNode value = value(parser.nextToken());
            if (name.equals(MERGE_KEY)) {
                merged.addAll(mergedObjects(value, mergeKeyPosition));
            } else {
                object.set(name, value);
            }
        }
        for (ObjectNode source : merged) {
            source.properties().forEach(field -> {
                if (!object.has(field.getKey())) {
                    object.set(field.getKey(), field.getValue());
                }
            });
        }
        return object;
    }

    private List<ObjectNode> mergedObjects(JsonNode value, String position) {
        List<JsonNode> sources = value.isArray() ? value.valueStream().toList() : List.of(value);
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode source : sources) {
            if (!(source instanceof ObjectNode object)) {
                throw problem("the merge key '" + MERGE_KEY + "' " + position + " takes an object or a list of objects,"
                        + " such as <<: *defaults, but has " + JsonPaths.describe(source));
            }
            objects.add(object);
        }
        return objects;
    }

    private ArrayNode array() {
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(value(token));
        }
        return array;
    }

    /**
     * Returns a copy of the value the alias names. The name is not repeated in a message: an
     * unquoted secret that starts with '*' is read as an alias.
     */
    private JsonNode alias() {
        String name = parser.getString();
        if (openAnchors.containsKey(name)) {
            throw problem("the alias " + at() + " refers to the value that contains it, which would repeat without end:"
                    + " write the value out instead");
        }
        JsonNode value = anchoredValues.get(name);
        if (value == null) {
            throw problem("the alias " + at() + " refers to no anchor defined before it:"
                    + " write &name before the value it repeats, or put a text that starts with '*' in quotes");
        }

        aliasedValues += size(value);
        if (aliasedValues > MAX_ALIASED_VALUES) {
            throw problem("the alias " + at() + " brings the values that aliases repeat to more than " + MAX_ALIASED_VALUES
                    + ", the maximum this reader accepts, which stops files that expand without bound: use fewer aliases");
        }
        return value.deepCopy();
    }

    /** Counts the values in {@code node}, itself included. */
    private static int size(JsonNode node) {
        int size = 1;
        for (JsonNode child : node.values()) {
            size += size(child);
        }
        return size;
    }

    private String at() {
        return SyntaxErrors.at(parser.currentTokenLocation());
    }

    private ProblemFound problem(String message) {
        return new ProblemFound(new ConfigProblem(JsonPaths.of(parser.streamReadContext()), message));
    }
}
