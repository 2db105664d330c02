package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Validation;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Deserializers for the values of a connections file. Each one reports a bad value to the
 * {@link BindingSession} and returns {@code null} or a stand-in instead of throwing, so that binding goes on
 * and every problem is found in one pass.
 */
final class ConfigValueDeserializers {

    private static final EnumIdDeserializer<ApiKey.Placement> PLACEMENTS = new EnumIdDeserializer<>(
            ApiKey.Placement.class, placement -> placement.name().toLowerCase(Locale.ROOT));

    private static final EnumIdDeserializer<ClientAuthentication> CLIENT_AUTHENTICATIONS = new EnumIdDeserializer<>(
            ClientAuthentication.class, ClientAuthentication::id);

    private ConfigValueDeserializers() {
    }

    /**
     * Registers the value deserializers for text, numbers, booleans, secret refs, URLs, durations
     * and enums: the lower-case ids of the built-in enums, the constant names of any other.
     */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("httpauth-config-values");
        module.setDeserializers(new EnumsByNameDeserializers());
        module.addDeserializer(String.class, new TextDeserializer());
        module.addDeserializer(SecretRef.class, new SecretRefDeserializer());
        module.addDeserializer(URI.class, new UrlDeserializer());
        module.addDeserializer(Duration.class, new IsoDurationDeserializer());
        module.addDeserializer(ApiKey.Placement.class, PLACEMENTS);
        module.addDeserializer(ClientAuthentication.class, CLIENT_AUTHENTICATIONS);
        NumberDeserializers.register(module);
        return module;
    }

    /**
     * Returns the values a file may give for the enum {@code type}: the lower-case ids for the
     * enums of the built-in methods, the constant names for any other enum, as {@link EnumIdDeserializer} reads them.
     */
    static List<String> enumValues(Class<?> type) {
        if (type == ApiKey.Placement.class) {
            return PLACEMENTS.ids();
        }
        if (type == ClientAuthentication.class) {
            return CLIENT_AUTHENTICATIONS.ids();
        }
        return Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
    }

    /** Reports a list or an object where a scalar belongs, then hands scalars to {@link #fromScalar}. */
    abstract static class ScalarDeserializer<T> extends StdDeserializer<T> {

        ScalarDeserializer(Class<T> type) {
            super(type);
        }

        @Override
        public final T deserialize(JsonParser parser, DeserializationContext context) {
            BindingSession session = BindingSession.of(context);
            JsonToken token = parser.currentToken();
            if (token.isStructStart()) {
                session.reportProblem(parser, "must be " + expected() + ", but is " + JsonPaths.describe(token));
                parser.skipChildren();
                return rejected();
            }
            return fromScalar(parser, session);
        }

        /** Describes the expected value for messages, such as "a string such as PT60S". */
        abstract String expected();

        /** Returns the stand-in for a rejected value: {@code null}, unless the type is primitive. */
        T rejected() {
            return null;
        }

        /** Converts the scalar the parser is at, or reports it and returns {@code null}. */
        abstract T fromScalar(JsonParser parser, BindingSession session);
    }

    /**
     * Accepts only secret refs such as {@code env:NAME}. A value that is not a ref is most likely
     * a pasted secret, so no message repeats any part of it, not even a would-be scheme.
     */
    static final class SecretRefDeserializer extends ScalarDeserializer<SecretRef> {

        /**
         * Stands in for a rejected value so that the method still binds and its other fields are
         * validated too. The problem is reported, so a connection with this ref is never used.
         */
        static final SecretRef REJECTED = new SecretRef("rejected", "not-a-secret-ref");

        SecretRefDeserializer() {
            super(SecretRef.class);
        }

        @Override
        String expected() {
            return "a secret ref such as env:NAME or file:/path/to/secret";
        }

        @Override
        SecretRef fromScalar(JsonParser parser, BindingSession session) {
            // A number or boolean here is a literal secret too (YAML reads `password: 12345` as a
            // number), so it takes the same path as a string.
            Validation<String, SecretRef> parsed = SecretRef.parse(parser.getString());
            if (parsed.isInvalid()) {
                session.reportProblem(parser, parsed.getError());
                return REJECTED;
            }
            SecretRef ref = parsed.get();
            if (!session.secretSchemes().contains(ref.scheme())) {
                session.reportProblem(parser, "names a secret store that is not configured: write a ref whose scheme is one of "
                        + FieldNames.sorted(session.secretSchemes())
                        + ". If the value is the secret itself, store it in an environment variable and write env:NAME,"
                        + " or in a file and write file:/path/to/secret");
            }
            return ref;
        }
    }

    /**
     * Reads a text field such as {@code username} and reports a number or a boolean as a problem,
     * where Jackson would quietly turn {@code 5} into {@code "5"}.
     */
    static final class TextDeserializer extends ScalarDeserializer<String> {

        TextDeserializer() {
            super(String.class);
        }

        @Override
        String expected() {
            return "a string";
        }

        @Override
        String fromScalar(JsonParser parser, BindingSession session) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                session.reportProblem(parser, "must be " + expected() + ", but is " + JsonPaths.describe(parser.currentToken())
                        + ": put the value in quotes");
                return null;
            }
            return parser.getString();
        }
    }

    /**
     * Parses a URL with {@link URI}. A message about a malformed URL names the reason and the
     * position but not the text, because a URL can carry a password before the host.
     */
    static final class UrlDeserializer extends ScalarDeserializer<URI> {

        UrlDeserializer() {
            super(URI.class);
        }

        @Override
        String expected() {
            return "a URL string such as https://login.example.com/oauth2/token";
        }

        @Override
        URI fromScalar(JsonParser parser, BindingSession session) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                session.reportProblem(parser, "must be " + expected() + ", but is " + JsonPaths.describe(parser.currentToken()));
                return null;
            }
            try {
                return new URI(parser.getString());
            } catch (URISyntaxException e) {
                session.reportProblem(parser, "is not a valid URL: " + e.getReason() + " at position " + (e.getIndex() + 1)
                        + "; write it like https://login.example.com/oauth2/token");
                return null;
            }
        }
    }

    /** Parses an ISO-8601 duration such as {@code PT60S}. Numbers are rejected, because their unit would be a guess. */
    static final class IsoDurationDeserializer extends ScalarDeserializer<Duration> {

        IsoDurationDeserializer() {
            super(Duration.class);
        }

        @Override
        String expected() {
            return "an ISO-8601 duration string such as PT60S (60 seconds) or PT5M (5 minutes)";
        }

        @Override
        Duration fromScalar(JsonParser parser, BindingSession session) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                session.reportProblem(parser, "must be " + expected() + ", but is " + JsonPaths.describe(parser.currentToken()));
                return null;
            }
            String text = parser.getString();
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                session.reportProblem(parser, "'" + JsonPaths.excerpt(text) + "' is not an ISO-8601 duration: write it like PT60S (60 seconds) or PT5M (5 minutes)");
                return null;
            }
        }
    }

    /**
     * Accepts the id of each constant: the lower-case ids of the built-in enums, such as
     * {@code header} or {@code client_secret_basic}, and the constant names of a plugin's enums.
     */
    static final class EnumIdDeserializer<E extends Enum<E>> extends ScalarDeserializer<E> {

        private final Map<String, E> constantsById = new LinkedHashMap<>();

        EnumIdDeserializer(Class<E> type, Function<E, String> id) {
            super(type);
            Arrays.stream(type.getEnumConstants()).forEach(constant -> constantsById.put(id.apply(constant), constant));
        }

        @Override
        String expected() {
            return "one of " + String.join(", ", constantsById.keySet());
        }

        /** Returns the accepted ids in declaration order. */
        List<String> ids() {
            return List.copyOf(constantsById.keySet());
        }

        @Override
        E fromScalar(JsonParser parser, BindingSession session) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                session.reportProblem(parser, "must be " + expected() + ", but is " + JsonPaths.describe(parser.currentToken()));
                return null;
            }
            String text = parser.getString();
            E constant = constantsById.get(text);
            if (constant != null) {
                return constant;
            }
            String hint = constantsById.keySet().stream()
                    .filter(id -> id.equalsIgnoreCase(text))
                    .findFirst()
                    .map(EnumIdDeserializer::caseHint)
                    .orElseGet(() -> ": use " + expected());
            session.reportProblem(parser, "'" + JsonPaths.excerpt(text) + "' is not a valid value" + hint);
            return null;
        }

        private static String caseHint(String id) {
            return id.equals(id.toLowerCase(Locale.ROOT)) ? ": write it in lower case, '" + id + "'" : ": write it as '" + id + "'";
        }
    }

    /**
     * Finds the deserializer of an enum that has none registered, such as one of a plugin's
     * configuration: its constants are written by name.
     */
    static final class EnumsByNameDeserializers extends SimpleDeserializers {

        @Override
        public ValueDeserializer<?> findEnumDeserializer(JavaType type, DeserializationConfig config, BeanDescription.Supplier description) {
            ValueDeserializer<?> registered = super.findEnumDeserializer(type, config, description);
            return registered != null ? registered : byName(type.getRawClass());
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static ValueDeserializer<?> byName(Class<?> enumType) {
            return new EnumIdDeserializer(enumType, constant -> ((Enum<?>) constant).name());
        }
    }

    /**
     * Reads OAuth scopes from a space-separated string ({@code "a b"}, the form of the RFC 6749
     * {@code scope} parameter) or from a list of strings.
     */
    static final class ScopeDeserializer extends ValueDeserializer<List<String>> {

        private static final String EXPECTED = "a space-separated string such as \"read write\" or a list of strings";

        @Override
        public List<String> deserialize(JsonParser parser, DeserializationContext context) {
            BindingSession session = BindingSession.of(context);
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getString().trim();
                return text.isEmpty() ? List.of() : List.of(text.split(" +"));
            }
            if (token == JsonToken.START_ARRAY) {
                return fromList(parser, session);
            }
            session.reportProblem(parser, "must be " + EXPECTED + ", but is " + JsonPaths.describe(token));
            parser.skipChildren();
            return null;
        }

        private static List<String> fromList(JsonParser parser, BindingSession session) {
            List<String> scopes = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    scopes.add(parser.getString());
                } else {
                    session.reportProblem(parser, "must be a string, but is " + JsonPaths.describe(token));
                    parser.skipChildren();
                }
            }
            return scopes;
        }
    }
}
