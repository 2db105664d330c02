package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Writes locations in a configuration document as the dotted paths that {@code ConfigProblem}
 * uses, such as {@code connections.crm.auth.scope[1]}, and names JSON value kinds for messages.
 */
final class JsonPaths {

    /** The maximum length of a value that a message repeats in full. */
    static final int MAX_QUOTED_LENGTH = 80;

    /** The characters of a longer value that a message repeats. */
    static final int EXCERPT_LENGTH = 60;

    private JsonPaths() {
    }

    /** Returns the path of the value the parser is at; empty at the root. */
    static String of(TokenStreamContext context) {
        return join(segments(context));
    }

    /**
     * Returns the path of the value the parser is at, cut to its first {@code segments} segments,
     * so that a value nested hundreds of levels deep still gets a path of readable length.
     */
    static String outer(TokenStreamContext context, int segments) {
        Deque<String> all = segments(context);
        Deque<String> outerSegments = new ArrayDeque<>();
        while (!all.isEmpty() && outerSegments.size() < segments) {
            outerSegments.add(all.removeFirst());
        }
        return join(outerSegments);
    }

    /** Returns the path that a Jackson exception reports, such as {@code tokenPolicy.refreshSkew}. */
    static String of(List<JacksonException.Reference> references) {
        Deque<String> segments = new ArrayDeque<>();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                segments.add(property(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                segments.add(index(reference.getIndex()));
            }
        }
        return join(segments);
    }

    /** Appends the property {@code name} to {@code path}. */
    static String child(String path, String name) {
        return path.isEmpty() ? printable(name) : path + "." + printable(name);
    }

    /** Names the kind of value that starts with {@code token}, such as "a list". */
    static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case VALUE_EMBEDDED_OBJECT, NOT_AVAILABLE -> "a value of an unsupported kind";
        };
    }

    /** Names the kind of {@code node}, such as "a list". */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "a list";
            case STRING, BINARY -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case MISSING -> "missing";
        };
    }

    /**
     * Returns {@code text} for a message that repeats a value, {@link #printable}. A value longer than
     * {@value #MAX_QUOTED_LENGTH} characters is cut to its first {@value #EXCERPT_LENGTH}, followed by
     * its length, so that a value pasted by mistake cannot flood the output.
     */
    static String excerpt(String text) {
        if (text.length() <= MAX_QUOTED_LENGTH) {
            return printable(text);
        }
        return printable(text.substring(0, EXCERPT_LENGTH)) + "... (" + text.length() + " characters)";
    }

    /** Returns {@code text} with control characters written as code points, so a path stays on one line. */
    static String printable(String text) {
        if (!Text.containsControlCharacter(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(Text.isControlCharacter(c) ? Text.codePoint(c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static Deque<String> segments(TokenStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext current = context; current != null; current = current.getParent()) {
            // A context that has just started (at '{' or '[') has no name or index yet, and the
            // value it belongs to is named by its parent.
            if (current.inObject() && current.hasCurrentName()) {
                segments.push(property(current.currentName()));
            } else if (current.inArray() && current.hasCurrentIndex()) {
                segments.push(index(current.getCurrentIndex()));
            }
        }
        return segments;
    }

    private static String property(String name) {
        return "." + printable(name);
    }

    private static String index(int index) {
        return "[" + index + "]";
    }

    private static String join(Deque<String> segments) {
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
