package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes malformed YAML in plain words. SnakeYAML describes a problem with a
 * context ("while parsing a flow mapping"), a problem and the marks of both. Its message also
 * quotes the offending lines, so only the context and the problem are used, and the most common
 * problems get a description of their own.
 */
final class YamlSyntaxErrors {

    /** SnakeYAML's names of tokens, such as {@code <block end>}, and the words a message uses instead. */
    private static final Map<String, String> TOKEN_NAMES = Map.of(
            "<stream end>", "the end of the file",
            "<block end>", "the end of the indented block",
            "<block mapping start>", "a field",
            "<block sequence start>", "a list",
            "<flow mapping start>", "'{'",
            "<flow sequence start>", "'['",
            "<scalar>", "a value",
            "<document start>", "'---'",
            "<document end>", "'...'");

    private static final Pattern TOKEN_NAME = Pattern.compile("'?<[a-z ]+>'?");

    /** A punctuation token that SnakeYAML names without quotes at the end of a problem, as in "but got :". */
    private static final Pattern LONE_TOKEN = Pattern.compile("(but (?:got|found) )([^\\s'<])$");

    /** SnakeYAML's contexts of a problem, such as "while parsing a flow mapping", and the words a message uses instead. */
    private static final Map<String, String> CONTEXTS = Map.of(
            "while parsing a flow mapping", "in the object in braces",
            "while parsing a flow sequence", "in the list in brackets",
            "while parsing a block mapping", "in the indented object",
            "while parsing a block collection", "in the indented list",
            "while scanning a quoted scalar", "in the quoted text",
            "while scanning a block scalar", "in the block of text",
            "while scanning a simple key", "in the key",
            "while scanning an anchor", "in the anchor",
            "while scanning an alias", "in the alias",
            "while scanning a tag", "in the tag");

    /** SnakeYAML's message for a file longer than its {@code LoadSettings} code point limit, 3,145,728 by default. */
    private static final Pattern CODE_POINT_LIMIT = Pattern.compile("exceeds the limit: (\\d+) code points");

    /** A line that starts a YAML document: three dashes, then the end of the line or a space. */
    private static final Pattern DOCUMENT_START = Pattern.compile("^---(?:[ \\t].*)?$");

    private YamlSyntaxErrors() {
    }

    /** Describes a problem that SnakeYAML found while {@code context} was open. */
    static ConfigProblem problem(MarkedYamlEngineException yaml, TokenStreamContext context) {
        String position = yaml.getProblemMark().map(YamlSyntaxErrors::at).orElse("at an unknown position");
        String problem = String.valueOf(yaml.getProblem());
        if (problem.contains("end of stream") || problem.contains("<stream end>")) {
            return truncationProblem(yaml, context, position);
        }
        return new ConfigProblem(JsonPaths.of(context), "invalid YAML " + position + ": " + describe(yaml, problem));
    }

    /**
     * Describes a problem that Jackson's YAML parser found itself, without a SnakeYAML mark.
     *
     * @param token the start of the value the parser stopped at
     */
    static ConfigProblem problem(JacksonException e, TokenStreamContext context, TokenStreamLocation token) {
        String message = String.valueOf(e.getOriginalMessage());
        Matcher codePointLimit = CODE_POINT_LIMIT.matcher(message);
        if (codePointLimit.find()) {
            return new ConfigProblem("", "the file is longer than " + codePointLimit.group(1)
                    + " characters, the maximum the YAML reader accepts: make it shorter, or write it as JSON");
        }
        String description = message.startsWith("Expected a property name")
                ? "a key must be plain text, not a list, an object or an alias"
                : "the text here is not valid YAML: check the indentation, quotes and brackets just before this position";
        return new ConfigProblem(JsonPaths.of(context), "invalid YAML " + SyntaxErrors.at(token) + ": " + description);
    }

    /**
     * Describes a second document in {@code text}: the first ends at {@code firstEnd} and the
     * second starts at {@code secondStart}. The line of the {@code ---} between them is named when
     * there is one, because the parser places the second document at its first value.
     */
    static ConfigProblem secondDocument(String text, TokenStreamLocation firstEnd, TokenStreamLocation secondStart) {
        List<String> lines = text.lines().toList();
        int line = secondStart.getLineNr();
        for (int candidate = Math.max(firstEnd.getLineNr(), 1); candidate <= Math.min(secondStart.getLineNr(), lines.size()); candidate++) {
            if (DOCUMENT_START.matcher(lines.get(candidate - 1)).matches()) {
                line = candidate;
                break;
            }
        }
        return new ConfigProblem("", "the file contains a second YAML document, which starts at line " + line
                + ". A connections file contains one document: remove the '---' line, and put all connections under one \"connections\" field");
    }

    private static ConfigProblem truncationProblem(MarkedYamlEngineException yaml, TokenStreamContext context, String position) {
        String end = "the file ends " + position;
        String cutOff = ". If the file was cut off, restore its end";
        String start = yaml.getContextMark().map(YamlSyntaxErrors::at).orElse("at an unknown position");
        String yamlContext = String.valueOf(yaml.getContext());
        if (yamlContext.contains("quoted scalar")) {
            return new ConfigProblem(JsonPaths.of(context), end + " inside the quoted text that starts " + start + cutOff
                    + ", or else add the closing quote");
        }
        if (yamlContext.contains("flow mapping")) {
            return unclosedProblem(context, end + " before the object that starts " + start + " is closed" + cutOff, '}');
        }
        if (yamlContext.contains("flow sequence")) {
            return unclosedProblem(context, end + " before the list that starts " + start + " is closed" + cutOff, ']');
        }
        return new ConfigProblem(JsonPaths.of(context), end + " in the middle of a value" + cutOff);
    }

    /** Reports an unclosed object or list in braces or brackets at its own path, the parent of the open context. */
    private static ConfigProblem unclosedProblem(TokenStreamContext context, String ending, char closer) {
        return new ConfigProblem(JsonPaths.of(context.getParent()), ending + ", or else finish the last value and add '" + closer + "'");
    }

    private static String describe(MarkedYamlEngineException yaml, String problem) {
        if (problem.contains("expected <block end>")) {
            return "the indentation here does not match the lines above: indent the fields of one object by the same number of spaces";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "a ': ' here starts a field where YAML does not expect one: put the value in quotes if it contains ': ', or fix the indentation";
        }
        if (problem.contains("(TAB)")) {
            return "YAML does not allow tabs for indentation: indent with spaces";
        }
        if (problem.startsWith("found character '@'") || problem.startsWith("found character '`'")) {
            return "a value cannot start with '@' or a backquote: put the value in quotes";
        }
        String words = replaceTokenNames(LONE_TOKEN.matcher(problem).replaceFirst("$1'$2'"));
        if (yaml.getContext() == null) {
            return words;
        }
        String context = CONTEXTS.getOrDefault(yaml.getContext(), yaml.getContext());
        String start = yaml.getContextMark().map(mark -> " that starts " + at(mark)).orElse("");
        return context + start + ": " + words;
    }

    private static String replaceTokenNames(String text) {
        Matcher token = TOKEN_NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (token.find()) {
            String name = token.group().replace("'", "");
            String words = TOKEN_NAMES.getOrDefault(name, name.substring(1, name.length() - 1));
            token.appendReplacement(out, Matcher.quoteReplacement(words));
        }
        token.appendTail(out);
        return out.toString();
    }

    /** Returns "at line L, column C" for a SnakeYAML mark, whose line and column count from 0. */
    private static String at(Mark mark) {
        return SyntaxErrors.at(mark.getLine() + 1, mark.getColumn() + 1);
    }
}
