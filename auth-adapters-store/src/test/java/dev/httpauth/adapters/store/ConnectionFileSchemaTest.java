package dev.httpauth.adapters.store;

import dev.httpauth.adapters.store.plugin.WebhookSigningProvider;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.SecretRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionFileSchemaTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ConnectionFileFormat WITH_PLUGIN = ConnectionFileFormat.withPlugins(List.of(new WebhookSigningProvider()));

    @TempDir
    private Path directory;

    private static JsonNode schema(ConnectionFileFormat format) {
        return MAPPER.readTree(format.jsonSchema());
    }

    @Test
    void schemaDeclaresDraft202012() {
        JsonNode schema = schema(ConnectionFileFormat.builtIn());

        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("required").toString()).isEqualTo("[\"connections\"]");
        assertThat(schema.get("additionalProperties").booleanValue()).isFalse();
        assertThat(schema.at("/properties/connections/additionalProperties/$ref").stringValue()).isEqualTo("#/$defs/connection");
    }

    @Test
    void authTypeSelectsDefinitionById() {
        JsonNode auth = schema(WITH_PLUGIN).at("/$defs/auth");

        assertThat(auth.at("/properties/type/enum").toString())
                .isEqualTo("[\"api-key\",\"basic\",\"oauth2-client-credentials\",\"webhook-signing\"]");
        List<String> selected = new ArrayList<>();
        auth.get("allOf").forEach(choice -> {
            assertThat(choice.at("/then/$ref").stringValue()).isEqualTo("#/$defs/" + choice.at("/if/properties/type/const").stringValue());
            selected.add(choice.at("/if/properties/type/const").stringValue());
        });
        assertThat(selected).containsExactly("api-key", "basic", "oauth2-client-credentials", "webhook-signing");
    }

    @Test
    void secretFieldsCarryRefPattern() {
        JsonNode definitions = schema(WITH_PLUGIN).get("$defs");

        for (String pointer : List.of("/basic/properties/password", "/api-key/properties/value",
                "/oauth2-client-credentials/properties/clientSecret", "/webhook-signing/properties/secret")) {
            assertThat(definitions.at(pointer + "/pattern").stringValue()).as(pointer).isEqualTo("^[a-z][a-z0-9+.-]*:.+");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"env:NAME", "file:/run/secrets/crm", "vault:crm/client-secret", "a+b.c-d:x", "env::"})
    void refPatternAcceptsWhatParseAccepts(String ref) {
        assertThat(Pattern.compile(ConnectionFileSchema.SECRET_REF_PATTERN).matcher(ref).find()).isTrue();
        assertThat(SecretRef.parse(ref).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "ENV:NAME", "env:", ":key", "1env:x"})
    void refPatternRejectsWhatParseRejects(String text) {
        assertThat(Pattern.compile(ConnectionFileSchema.SECRET_REF_PATTERN).matcher(text).find()).isFalse();
        assertThat(SecretRef.parse(text).isValid()).isFalse();
    }

    @Test
    void builtInFieldsFollowFileFormat() {
        JsonNode definitions = schema(ConnectionFileFormat.builtIn()).get("$defs");

        assertThat(definitions.at("/api-key/properties/in/enum").toString()).isEqualTo("[\"header\",\"query\"]");
        assertThat(definitions.at("/oauth2-client-credentials/properties/clientAuthentication/enum").toString())
                .isEqualTo("[\"client_secret_basic\",\"client_secret_post\"]");
        assertThat(definitions.at("/oauth2-client-credentials/properties/scope/oneOf/0/type").stringValue()).isEqualTo("string");
        assertThat(definitions.at("/oauth2-client-credentials/properties/scope/oneOf/1/type").stringValue()).isEqualTo("array");
        assertThat(definitions.at("/oauth2-client-credentials/properties/scopes").isMissingNode()).isTrue();
        assertThat(definitions.at("/oauth2-client-credentials/properties/tokenEndpoint/format").stringValue()).isEqualTo("uri");
        assertThat(definitions.at("/oauth2-client-credentials/properties/tokenPolicy/properties/refreshSkew/format").stringValue())
                .isEqualTo("duration");
        assertThat(definitions.at("/api-key/properties/type/const").stringValue()).isEqualTo("api-key");
    }

    @Test
    void pluginOptionalFieldsAreNotRequired() {
        JsonNode signing = schema(WITH_PLUGIN).at("/$defs/webhook-signing");

        assertThat(signing.get("required").toString()).isEqualTo("[\"type\",\"secret\",\"keyId\"]");
        assertThat(signing.at("/properties/header/type").stringValue()).isEqualTo("string");
        assertThat(signing.at("/properties/window/required").toString()).isEqualTo("[\"tolerance\"]");
        assertThat(signing.at("/properties/window/additionalProperties").booleanValue()).isFalse();
        assertThat(signing.get("additionalProperties").booleanValue()).isFalse();
    }

    /** The schema's required fields of each type are the ones the reader reports as missing. */
    @Test
    void requiredFieldsMatchReader() throws IOException {
        JsonNode definitions = schema(WITH_PLUGIN).get("$defs");

        for (String typeId : WITH_PLUGIN.typeIds()) {
            Path file = Files.writeString(directory.resolve(typeId + ".json"),
                    "{\"connections\": {\"c\": {\"auth\": {\"type\": \"" + typeId + "\"}}}}");
            List<String> missing = ConnectionFile.read(file, Set.of("env"), WITH_PLUGIN).loadAllConnections().fold(
                    error -> ((dev.httpauth.domain.error.AuthError.InvalidConfiguration) error).problems().stream()
                            .map(ConfigProblem::path)
                            .map(path -> path.substring("connections.c.auth.".length()))
                            .toList(),
                    connections -> List.of());
            List<String> required = new ArrayList<>();
            definitions.get(typeId).get("required").forEach(field -> required.add(field.stringValue()));

            assertThat(required).as(typeId).containsExactlyInAnyOrderElementsOf(concat("type", missing));
        }
    }

    /** The schema's fields of each type are the ones the reader accepts. */
    @Test
    void propertiesMatchReader() throws IOException {
        JsonNode definitions = schema(WITH_PLUGIN).get("$defs");

        for (String typeId : WITH_PLUGIN.typeIds()) {
            Path file = Files.writeString(directory.resolve(typeId + ".json"),
                    "{\"connections\": {\"c\": {\"auth\": {\"type\": \"" + typeId + "\", \"zzzzzzzzzz\": 1}}}}");
            String unknownFieldMessage = ConnectionFile.read(file, Set.of("env"), WITH_PLUGIN).loadAllConnections().getLeft().message();
            List<String> properties = new ArrayList<>(definitions.get(typeId).get("properties").propertyNames());

            assertThat(unknownFieldMessage).as(typeId).contains("use one of " + String.join(", ", properties.stream().sorted().toList()));
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }
}
