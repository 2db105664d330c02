package dev.httpauth.adapters.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.httpauth.domain.model.SecretRef;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Writes the JSON Schema (draft 2020-12) of a connections file from the records the file binds to:
 * one definition per auth method type, selected by the {@code type} field, with a property per
 * record component.
 *
 * <p>The value types follow the deserializers of {@link ConfigValueDeserializers}: a secret ref is
 * a string with the pattern of a ref, a URL a string of format {@code uri}, a duration an ISO-8601
 * string, an enum one of its ids. The renames and deserializers of {@link AuthMethodMixins} apply
 * to the built-in records.
 */
final class ConnectionFileSchema {

    /** A scheme, a colon and a key, as {@link SecretRef#parse} accepts them. */
    static final String SECRET_REF_PATTERN = "^[a-z][a-z0-9+.-]*:.+";

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ConnectionFileSchema() {
    }

    /** Returns the schema of files in {@code format}, indented, ending with a line break. */
    static String of(ConnectionFileFormat format) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DRAFT_2020_12);
        schema.put("title", "httpauth connections file");
        schema.put("description", "The connections of a host and the auth method of each. Secret fields take secret refs"
                + " such as env:NAME or file:/path/to/secret, never the secret values.");
        schema.put("type", "object");
        ObjectNode connections = schema.putObject("properties").putObject(ConnectionFileReader.CONNECTIONS);
        connections.put("description", "The connections, keyed by connection id.");
        connections.put("type", "object");
        connections.putObject("propertyNames").put("pattern", "^[A-Za-z0-9._-]+$");
        connections.putObject("additionalProperties").put("$ref", "#/$defs/connection");
        schema.putArray("required").add(ConnectionFileReader.CONNECTIONS);
        schema.put("additionalProperties", false);

        ObjectNode definitions = schema.putObject("$defs");
        definitions.set("connection", connection());
        definitions.set(ConnectionFileReader.AUTH, auth(format));
        format.types().forEach((typeId, type) -> definitions.set(typeId, method(format, typeId, type)));

        String text = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema);
        return text.replace("\r\n", "\n") + "\n";
    }

    private static ObjectNode connection() {
        ObjectNode connection = NODES.objectNode();
        connection.put("type", "object");
        connection.putObject("properties").putObject(ConnectionFileReader.AUTH).put("$ref", "#/$defs/" + ConnectionFileReader.AUTH);
        connection.putArray("required").add(ConnectionFileReader.AUTH);
        connection.put("additionalProperties", false);
        return connection;
    }

    /** Builds the auth object: a {@code type} field, and the definition of that type for the other fields. */
    private static ObjectNode auth(ConnectionFileFormat format) {
        ObjectNode auth = NODES.objectNode();
        auth.put("description", "How the connection authenticates its requests. The type selects the method and its fields.");
        auth.put("type", "object");
        ArrayNode typeIds = auth.putObject("properties").putObject(AuthMethodMixins.TYPE_PROPERTY).putArray("enum");
        format.types().keySet().forEach(typeIds::add);
        auth.putArray("required").add(AuthMethodMixins.TYPE_PROPERTY);

        ArrayNode cases = auth.putArray("allOf");
        for (String typeId : format.types().keySet()) {
            ObjectNode selected = cases.addObject();
            ObjectNode condition = selected.putObject("if");
            condition.putObject("properties").putObject(AuthMethodMixins.TYPE_PROPERTY).put("const", typeId);
            condition.putArray("required").add(AuthMethodMixins.TYPE_PROPERTY);
            selected.putObject("then").put("$ref", "#/$defs/" + typeId);
        }
        return auth;
    }

    private static ObjectNode method(ConnectionFileFormat format, String typeId, Class<?> type) {
        ObjectNode method = object(format, type);
        ObjectNode properties = (ObjectNode) method.get("properties");
        ObjectNode withType = NODES.objectNode();
        withType.putObject(AuthMethodMixins.TYPE_PROPERTY).put("const", typeId);
        withType.setAll(properties);
        method.set("properties", withType);
        ArrayNode required = NODES.arrayNode().add(AuthMethodMixins.TYPE_PROPERTY);
        method.get("required").forEach(required::add);
        method.set("required", required);
        return method;
    }

    /** Builds an object with one property per component of the record {@code type}, and no others. */
    private static ObjectNode object(ConnectionFileFormat format, Class<?> type) {
        ObjectNode object = NODES.objectNode();
        object.put("type", "object");
        ObjectNode properties = object.putObject("properties");
        ArrayNode required = object.putArray("required");
        List<String> requiredComponents = format.requiredFields(type);
        for (RecordComponent component : type.getRecordComponents()) {
            Optional<Method> mixin = mixinAccessor(type, component.getName());
            String name = mixin.map(accessor -> accessor.getAnnotation(JsonProperty.class))
                    .map(JsonProperty::value)
                    .orElse(component.getName());
            boolean spaceSeparatedOrList = mixin.map(accessor -> accessor.getAnnotation(JsonDeserialize.class))
                    .filter(annotation -> annotation.using() == ConfigValueDeserializers.ScopeDeserializer.class)
                    .isPresent();
            properties.set(name, spaceSeparatedOrList ? stringOrList() : value(format, component.getGenericType()));
            if (requiredComponents.contains(name)) {
                required.add(name);
            }
        }
        object.put("additionalProperties", false);
        return object;
    }

    private static JsonNode value(ConnectionFileFormat format, Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == Optional.class) {
                return value(format, arguments[0]);
            }
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = NODES.objectNode().put("type", "array");
                array.set("items", value(format, arguments[0]));
                if (Set.class.isAssignableFrom(raw)) {
                    array.put("uniqueItems", true);
                }
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = NODES.objectNode().put("type", "object");
                map.set("additionalProperties", value(format, arguments[1]));
                return map;
            }
            return value(format, raw);
        }
        if (type instanceof WildcardType wildcard) {
            return value(format, wildcard.getUpperBounds()[0]);
        }
        if (type instanceof Class<?> raw) {
            return value(format, raw);
        }
        return NODES.objectNode();
    }

    private static JsonNode value(ConnectionFileFormat format, Class<?> type) {
        if (type == SecretRef.class) {
            return NODES.objectNode()
                    .put("type", "string")
                    .put("pattern", SECRET_REF_PATTERN)
                    .put("description", "A secret ref such as env:NAME or file:/path/to/secret, never the secret itself.");
        }
        if (type == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (type == URI.class) {
            return NODES.objectNode().put("type", "string").put("format", "uri");
        }
        if (type == Duration.class) {
            return NODES.objectNode().put("type", "string").put("format", "duration").put("description", "An ISO-8601 duration such as PT60S.");
        }
        if (type.isEnum()) {
            ArrayNode values = NODES.arrayNode();
            ConfigValueDeserializers.enumValues(type).forEach(values::add);
            ObjectNode enumeration = NODES.objectNode();
            enumeration.set("enum", values);
            return enumeration;
        }
        if (type == boolean.class || type == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (isInteger(type)) {
            return NODES.objectNode().put("type", "integer");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class || type == OptionalDouble.class) {
            return NODES.objectNode().put("type", "number");
        }
        if (type.isRecord()) {
            return object(format, type);
        }
        // Jackson may still bind other types; the schema leaves them unconstrained rather than guess.
        return NODES.objectNode();
    }

    private static boolean isInteger(Class<?> type) {
        return List.<Class<?>>of(int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class,
                BigInteger.class, OptionalInt.class, OptionalLong.class).contains(type);
    }

    private static ObjectNode stringOrList() {
        ObjectNode schema = NODES.objectNode();
        ArrayNode choices = schema.putArray("oneOf");
        choices.addObject().put("type", "string").put("description", "Values separated by spaces.");
        choices.addObject().put("type", "array").putObject("items").put("type", "string");
        return schema;
    }

    /** Returns the accessor that a built-in record's mix-in declares for {@code component}, if any. */
    private static Optional<Method> mixinAccessor(Class<?> type, String component) {
        Class<?> mixin = AuthMethodMixins.MIXINS.get(type);
        if (mixin == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(mixin.getDeclaredMethod(component));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }
}
