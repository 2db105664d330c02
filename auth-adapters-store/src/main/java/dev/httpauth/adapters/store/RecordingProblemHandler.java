package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.HttpAuthMethod;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the problems Jackson meets while binding an auth object into entries of the
 * {@link BindingSession}, then lets binding go on with {@code null} for the bad value.
 *
 * <p>Stateless, so one instance serves every binding.
 */
final class RecordingProblemHandler extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(
            DeserializationContext context,
            JsonParser parser,
            ValueDeserializer<?> deserializer,
            Object beanOrClass,
            String propertyName) {
        List<String> knownNames = new ArrayList<>();
        deserializer.getKnownPropertyNames().forEach(name -> knownNames.add(name.toString()));
        Class<?> owner = beanOrClass instanceof Class<?> type ? type : beanOrClass.getClass();
        if (HttpAuthMethod.class.isAssignableFrom(owner)) {
            // The type id property is consumed before the record's own properties are read.
            knownNames.add(AuthMethodMixins.TYPE_PROPERTY);
        }

        BindingSession.of(context).reportProblem(parser, FieldNames.unknownFieldMessage(propertyName, knownNames));
        parser.skipChildren();
        return true;
    }

    @Override
    public Object handleUnexpectedToken(
            DeserializationContext context,
            JavaType targetType,
            JsonToken token,
            JsonParser parser,
            String failureMessage) {
        return reportWrongKind(context, parser, expected(targetType));
    }

    @Override
    public Object handleMissingInstantiator(
            DeserializationContext context,
            Class<?> instanceClass,
            ValueInstantiator instantiator,
            JsonParser parser,
            String failureMessage) {
        return reportWrongKind(context, parser, "an object");
    }

    /**
     * Reports text that Jackson could not convert, such as a malformed UUID in a plugin's field.
     * Jackson's {@code failureMessage} names Java types, so it is not shown.
     */
    @Override
    public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value, String failureMessage) {
        BindingSession.of(context).reportProblem(context.getParser(),
                "'" + JsonPaths.excerpt(value) + "' is not a valid value for this field: write it in the form the auth method type documents");
        return null;
    }

    /** Reports a number that Jackson could not convert, without Jackson's {@code failureMessage}. */
    @Override
    public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value, String failureMessage) {
        BindingSession.of(context).reportProblem(context.getParser(),
                value + " is not a valid value for this field: write it in the form the auth method type documents");
        return null;
    }

    /**
     * Reports a domain constructor's rejection, such as a negative {@code refreshSkew}. A
     * {@link NullPointerException} means a required value is absent: the missing-field check or
     * the deserializer that rejected the value has reported it already.
     */
    @Override
    public Object handleInstantiationProblem(DeserializationContext context, Class<?> instanceClass, Object arguments, Throwable problem) {
        Throwable cause = rootCause(problem);
        if (!(cause instanceof NullPointerException)) {
            BindingSession.of(context).reportProblem(context.getParser(), "is invalid: " + cause.getMessage());
        }
        return null;
    }

    private static Object reportWrongKind(DeserializationContext context, JsonParser parser, String expected) {
        JsonToken token = parser.currentToken();
        BindingSession.of(context).reportProblem(parser, "must be " + expected + ", but is " + JsonPaths.describe(token));
        if (token != null && token.isStructStart()) {
            parser.skipChildren();
        }
        return null;
    }

    private static String expected(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw == Optional.class) {
            return expected(type.containedType(0));
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "a list";
        }
        if (type.isMapLikeType() || type.isRecordType()) {
            return "an object";
        }
        if (raw.isEnum()) {
            return "one of " + String.join(", ", ConfigValueDeserializers.enumValues(raw));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (raw == char.class || raw == Character.class) {
            return "a string";
        }
        if (raw.isPrimitive() || Number.class.isAssignableFrom(raw)) {
            return "a number";
        }
        // Other JDK types, such as UUID or Instant, are written as strings, and any other class as an object.
        return raw.getName().startsWith("java.") ? "a string" : "an object";
    }

    private static Throwable rootCause(Throwable problem) {
        Throwable cause = problem;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
