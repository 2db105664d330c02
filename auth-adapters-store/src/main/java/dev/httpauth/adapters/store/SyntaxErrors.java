package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Describes a file that Jackson could not parse, in plain words and by line and column. No message
 * repeats the file's text, because a malformed line may contain a secret that was pasted in
 * without quotes. The parser's own messages name its internals, so they are only classified here,
 * never shown.
 */
final class SyntaxErrors {

    /**
     * The path segments kept for a problem found by a parser limit: enough to name the field of an
     * auth object, such as {@code connections.crm.auth.scope}, when the value is nested far deeper.
     */
    private static final int LIMIT_PATH_SEGMENTS = 4;

    /** The start of Jackson's message for a name that {@code STRICT_DUPLICATE_DETECTION} found twice. */
    private static final String DUPLICATE_PREFIX = "Duplicate Object property";

    private SyntaxErrors() {
    }

    /**
     * Describes {@code e}, thrown while {@code parser} read a JSON or YAML file into a tree.
     *
     * @param parser the parser that threw, positioned where it stopped
     */
    static ConfigProblem problem(JacksonException e, JsonParser parser) {
        TokenStreamContext context = parser.streamReadContext();
        if (e instanceof StreamConstraintsException) {
            return limitProblem(e, parser);
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith(DUPLICATE_PREFIX)) {
            return duplicateProblem(context, at(e.getLocation()));
        }
        if (e.getCause() instanceof MarkedYamlEngineException yaml) {
            return YamlSyntaxErrors.problem(yaml, context);
        }
        if (parser instanceof YAMLParser) {
            return YamlSyntaxErrors.problem(e, context, parser.currentTokenLocation());
        }
        if (isEndOfInput(e)) {
            return truncationProblem(e, parser);
        }
        return new ConfigProblem(JsonPaths.of(context), "invalid JSON " + at(e.getLocation()) + ": " + JsonSyntaxErrors.describe(e, context));
    }

    /** Describes text after the top-level value of a JSON file, which starts at {@code location}. */
    static ConfigProblem contentAfterValue(TokenStreamLocation location) {
        return new ConfigProblem("", "the file continues after its top-level value ends, " + at(location)
                + ". A connections file contains one JSON object: remove what follows it, or move it into that object");
    }

    /** Returns "at line L, column C" for a position with 1-based line and column numbers. */
    static String at(int line, int column) {
        return "at line " + line + ", column " + column;
    }

    /** Returns "at line L, column C" for {@code location}, or "at an unknown position". */
    static String at(TokenStreamLocation location) {
        return "at " + lineAndColumn(location);
    }

    /** Returns "line L, column C" for {@code location}, or "an unknown position". */
    static String lineAndColumn(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static ConfigProblem duplicateProblem(TokenStreamContext context, String position) {
        String path = JsonPaths.of(context);
        String name = JsonPaths.excerpt(String.valueOf(context.currentName()));
        boolean isConnectionId = ConnectionFileReader.CONNECTIONS.equals(JsonPaths.of(context.getParent()));
        String message = isConnectionId
                ? "duplicate connection id '" + name + "' " + position + ": each id may appear only once; rename or remove one of the entries"
                : "duplicate field '" + name + "' " + position + ": keep only one of them";
        return new ConfigProblem(path, message);
    }

    private static boolean isEndOfInput(JacksonException e) {
        // Jackson throws UnexpectedEndOfInputException for most ends, but a plain StreamReadException
        // for an end between the entries of a list.
        return e instanceof UnexpectedEndOfInputException || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input");
    }

    /**
     * Describes a JSON file that ends before its values are closed, and lists the characters that
     * would close them, innermost first.
     */
    private static ConfigProblem truncationProblem(JacksonException e, JsonParser parser) {
        TokenStreamContext context = parser.streamReadContext();
        String end = "the file ends " + at(parser.currentLocation());
        String closers = closers(context);
        String cutOff = ". If the file was cut off, restore its end, or else ";

        JsonToken decoding = e instanceof UnexpectedEndOfInputException eof ? eof.getTokenBeingDecoded() : null;
        if (decoding == JsonToken.VALUE_STRING) {
            return new ConfigProblem(JsonPaths.of(context), end + " inside the string that starts " + at(parser.currentTokenLocation())
                    + cutOff + "add the closing '\"' and then '" + closers + "'");
        }
        String containerPath = JsonPaths.of(context.getParent());
        if (decoding == JsonToken.PROPERTY_NAME) {
            return new ConfigProblem(containerPath, end + " inside a field name" + cutOff + "finish the field and add '" + closers + "'");
        }
        String kind = context.inArray() ? "list" : "object";
        return new ConfigProblem(containerPath, end + " before the " + kind + " that starts " + at(context.startLocation(null))
                + " is closed" + cutOff + "finish the last value and add '" + closers + "'");
    }

    /** Returns the characters that close {@code context} and each context around it. */
    private static String closers(TokenStreamContext context) {
        StringBuilder closers = new StringBuilder();
        for (TokenStreamContext current = context; current != null; current = current.getParent()) {
            if (current.inObject()) {
                closers.append('}');
            } else if (current.inArray()) {
                closers.append(']');
            }
        }
        return closers.toString();
    }

    /** Describes a value that exceeds one of the parser's limits, which exist to bound the memory and time a file can take. */
    private static ConfigProblem limitProblem(JacksonException e, JsonParser parser) {
        TokenStreamContext context = parser.streamReadContext();
        String path = JsonPaths.outer(context, LIMIT_PATH_SEGMENTS);
        String position = at(parser.currentLocation());
        // Jackson checks a length while the value grows, so the position is somewhere inside the value.
        String reaches = "that reaches " + lineAndColumn(parser.currentLocation());
        StreamReadConstraints limits = parser.streamReadConstraints();
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Document nesting depth")) {
            return new ConfigProblem(path, "is nested more than " + limits.getMaxNestingDepth() + " levels deep " + position
                    + ", which is the maximum this reader accepts. A connections file needs only a few levels,"
                    + " so look for brackets that are opened but never closed");
        }
        if (message.startsWith("Number value length")) {
            return new ConfigProblem(path, "the number " + reaches + " is longer than " + limits.getMaxNumberLength()
                    + " characters, the maximum this reader accepts: write it with fewer digits");
        }
        if (message.startsWith("Name length")) {
            // The name being read is not the object's current name yet, so the object itself is named.
            String objectPath = JsonPaths.outer(context.getParent(), LIMIT_PATH_SEGMENTS);
            return new ConfigProblem(objectPath, "the field name " + reaches + " is longer than " + limits.getMaxNameLength()
                    + " characters, the maximum this reader accepts: shorten it");
        }
        if (message.startsWith("String value length")) {
            return new ConfigProblem(path, "the string " + reaches + " is longer than " + limits.getMaxStringLength()
                    + " characters, the maximum this reader accepts: shorten it");
        }
        return new ConfigProblem(path, "the file exceeds a size limit of this reader " + position + ": make the file smaller");
    }
}
