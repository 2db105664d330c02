package dev.httpauth.app.cli;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Writes the {@code --json} output: indented, with fields in the order the records declare them. */
final class CliJson {

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build()
            .writerWithDefaultPrettyPrinter();

    private CliJson() {
    }

    /** Serializes {@code value}, a record or a collection of records. */
    static String write(Object value) {
        return WRITER.writeValueAsString(value);
    }
}
