package dev.httpauth.adapters.store;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks that a message about a connections file is written for its user, not for the parser's authors. */
final class PlainMessages {

    /**
     * Fragments of parser and Java internals: Jackson and SnakeYAML names, token names, feature
     * and constraint names, exception and Java type names, and the source description that
     * Jackson puts into its messages.
     */
    static final List<String> INTERNALS = List.of(
            "Source:", "REDACTED", "JsonToken", "VALUE_", "START_", "END_", "PROPERTY_NAME", "end-of-input",
            "marker", "CTRL-CHAR", "(code ", "Feature", "Constraints", "java.", "tools.jackson", "snakeyaml",
            "Exception", "Double", "Integer", "Enum class", "<stream end>", "<block", "<scalar>", "+SEQ", "+MAP");

    private PlainMessages() {
    }

    /** A name in backquotes, which Jackson uses for its types and features, such as {@code `Double`}. */
    static final Pattern QUOTED_NAME = Pattern.compile("`[A-Za-z]");

    /** Asserts that {@code message} contains none of the {@link #INTERNALS} and no {@link #QUOTED_NAME}. */
    static void assertPlain(String message) {
        for (String internal : INTERNALS) {
            assertThat(message).as("message %s", message).doesNotContain(internal);
        }
        assertThat(QUOTED_NAME.matcher(message).find()).as("message %s has a name in backquotes", message).isFalse();
    }
}
