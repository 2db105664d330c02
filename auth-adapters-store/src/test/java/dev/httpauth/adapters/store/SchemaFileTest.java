package dev.httpauth.adapters.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/connections.schema.json}, the schema of the built-in methods that the
 * repository ships, equal to the one {@link ConnectionFileFormat#jsonSchema()} generates. Run
 * with {@code -Dhttpauth.schema.write=true} to write the file instead of checking it.
 */
class SchemaFileTest {

    private static final String WRITE_PROPERTY = "httpauth.schema.write";

    private static final Path SCHEMA_FILE = Path.of(System.getProperty("basedir", "."))
            .toAbsolutePath()
            .resolve("../docs/connections.schema.json")
            .normalize();

    @Test
    void shippedSchemaIsUpToDate() throws IOException {
        String generated = ConnectionFileFormat.builtIn().jsonSchema();
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(SCHEMA_FILE.getParent());
            Files.writeString(SCHEMA_FILE, generated, StandardCharsets.UTF_8);
        }

        String shipped = Files.exists(SCHEMA_FILE) ? Files.readString(SCHEMA_FILE, StandardCharsets.UTF_8) : "";

        assertThat(shipped)
                .as("%s is out of date: regenerate it with 'mvn -pl auth-domain,auth-adapters-store -am test"
                        + " -Dtest=SchemaFileTest -Dsurefire.failIfNoSpecifiedTests=false -D%s=true' and commit it", SCHEMA_FILE, WRITE_PROPERTY)
                .isEqualTo(generated);
    }
}
