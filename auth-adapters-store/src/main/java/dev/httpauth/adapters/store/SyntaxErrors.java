package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Describes a file that Jackson could not parse, by line and column, without repeating the
 * file's text: a malformed line may contain a secret that was pasted in without quotes.
 */
final class SyntaxErrors {

    /** Jackson quotes the unrecognized text, which is often the bare secret, such as {@code "password": hunter2}. */
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '.*'(?=: was expecting)");

    /** The start of Jackson's message for a name that {@code STRICT_DUPLICATE_DETECTION} found twice. */
    private static final String DUPLICATE_PREFIX = "Duplicate Object property";

    private SyntaxErrors() {
    }

    /**
     * Describes {@code e}, thrown while reading {@code format} text into a tree.
     *
     * @param format the format's name for messages, {@code JSON} or {@code YAML}
     */
    static ConfigProblem problem(JacksonException e, String format) {
        Optional<TokenStreamContext> context = e.processor() instanceof JsonParser parser
                ? Optional.ofNullable(parser.streamReadContext())
                : Optional.empty();
        String path = context.map(JsonPaths::of).orElse("");
        String position = position(e);

        String originalMessage = String.valueOf(e.getOriginalMessage());
        if (originalMessage.startsWith(DUPLICATE_PREFIX) && context.isPresent()) {
            return duplicateProblem(context.get(), path, position);
        }
        return new ConfigProblem(path, "invalid " + format + " " + position + ": " + description(e));
    }

    private static ConfigProblem duplicateProblem(TokenStreamContext context, String path, String position) {
        String name = JsonPaths.printable(String.valueOf(context.currentName()));
        boolean isConnectionId = ConnectionFileReader.CONNECTIONS.equals(JsonPaths.of(context.getParent()));
        String message = isConnectionId
                ? "duplicate connection id '" + name + "' " + position + ": each id may appear only once; rename or remove one of the entries"
                : "duplicate field '" + name + "' " + position + ": keep only one of them";
        return new ConfigProblem(path, message);
    }

    private static String description(JacksonException e) {
        // SnakeYAML's own message quotes the offending line, so only its two text parts are used.
        if (e.getCause() instanceof MarkedYamlEngineException yaml) {
            return yaml.getContext() == null ? yaml.getProblem() : yaml.getContext() + ": " + yaml.getProblem();
        }
        return UNRECOGNIZED_TOKEN.matcher(String.valueOf(e.getOriginalMessage())).replaceFirst("Unrecognized token");
    }

    private static String position(JacksonException e) {
        // SnakeYAML marks the exact problem (0-based); Jackson's location is where the current token began.
        if (e.getCause() instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
            return "at line " + (yaml.getProblemMark().get().getLine() + 1) + ", column " + (yaml.getProblemMark().get().getColumn() + 1);
        }
        TokenStreamLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "at an unknown position";
        }
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
