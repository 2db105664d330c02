package dev.httpauth.adapters.store;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes malformed JSON in plain words. Jackson's messages (of jackson-core 3.3) are matched
 * by their fixed parts to pick a description. No part of them is shown, because they quote the
 * file's text and name Jackson's features.
 */
final class JsonSyntaxErrors {

    /** The code of the unexpected character in Jackson's message, such as {@code (code 39)}. */
    private static final Pattern CHARACTER_CODE = Pattern.compile("code (\\d+)");

    /** The closing bracket that Jackson did not expect, and the one it expected, if any. */
    private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)': (?:expected '(.)')?");

    private static final String VALUE_KINDS = "text in double quotes, a number, true, false, null, an object or a list";

    private JsonSyntaxErrors() {
    }

    /**
     * Describes {@code e}, thrown while {@code context} was open, such as "expected ':' after the
     * field name", or a general hint when the message is not one of the known ones.
     */
    static String describe(JacksonException e, TokenStreamContext context) {
        String message = String.valueOf(e.getOriginalMessage());
        int unexpected = unexpectedCharacter(message);

        if (message.startsWith("Unexpected close marker")) {
            return closeMarker(message, context);
        }
        if (message.contains("maybe a (non-standard) comment") || unexpected == '#' || unexpected == '/') {
            return "JSON does not allow comments: remove the comment, or write the file as YAML (.yaml), where '#' starts a comment";
        }
        if (unexpected == '\'') {
            return "JSON writes field names and text in double quotes, not single quotes";
        }
        if (message.contains("was expecting comma to separate Object entries")) {
            return "expected ',' before the next field, or '}' to close the object";
        }
        if (message.contains("was expecting comma to separate Array entries")) {
            return "expected ',' before the next value, or ']' to close the list";
        }
        if (message.contains("was expecting a colon")) {
            return "expected ':' after the field name";
        }
        if (message.contains("to start property name")) {
            return unexpected == '}'
                    ? "expected a field name in double quotes after ','. JSON does not allow a comma before '}'"
                    : "expected a field name in double quotes";
        }
        if (message.startsWith("Non-standard token")) {
            return "NaN and Infinity are not JSON numbers: write a number such as 0.5";
        }
        if (message.contains("numeric value") || message.contains("numbers to have plus signs")) {
            return "invalid number: write it like 3, -1.5 or 2e3";
        }
        if (message.startsWith("Unrecognized token")) {
            return "expected a value, and text must be in double quotes";
        }
        if (message.contains("expected a valid value")) {
            return "expected a value: " + VALUE_KINDS;
        }
        if (message.contains("character escape")) {
            return "invalid escape sequence in a string: write a backslash as \\\\,"
                    + " and use only the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\u followed by four hex digits";
        }
        if (message.contains("Illegal unquoted character")) {
            return controlCharacter(message);
        }
        return "the text here is not valid JSON: check the quotes, commas and brackets just before this position";
    }

    private static String controlCharacter(String message) {
        Matcher code = CHARACTER_CODE.matcher(message);
        int character = code.find() ? Integer.parseInt(code.group(1)) : -1;
        if (character == '\n' || character == '\r') {
            return "a string must end on the line where it starts: close it with '\"', or write a line break in it as \\n";
        }
        if (character == '\t') {
            return "a tab in a string must be written as \\t";
        }
        return "a control character in a string must be written as an escape such as \\u0001";
    }

    private static int unexpectedCharacter(String message) {
        if (!message.startsWith("Unexpected character")) {
            return -1;
        }
        Matcher code = CHARACTER_CODE.matcher(message);
        return code.find() ? Integer.parseInt(code.group(1)) : -1;
    }

    private static String closeMarker(String message, TokenStreamContext context) {
        Matcher marker = CLOSE_MARKER.matcher(message);
        if (!marker.find()) {
            return "a closing bracket here does not match the one that is open";
        }
        String found = marker.group(1);
        if (marker.group(2) == null) {
            return "'" + found + "' closes nothing: remove it";
        }
        String kind = context.inArray() ? "list" : "object";
        return "'" + found + "' does not close the " + kind + " that starts " + SyntaxErrors.at(context.startLocation(null))
                + ": close that " + kind + " with '" + marker.group(2) + "' first";
    }
}
