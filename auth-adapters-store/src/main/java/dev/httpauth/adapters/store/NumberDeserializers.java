package dev.httpauth.adapters.store;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.module.SimpleModule;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;

/**
 * Deserializers for numbers and booleans in a connections file. Each accepts only its own kind of
 * value: Jackson would otherwise turn {@code 1.5} into the whole number 1, {@code "3"} into 3 and
 * {@code 1} into {@code true}. A rejected value is reported to the {@link BindingSession}, and a
 * stand-in lets binding go on: {@code null}, or zero or {@code false} for a primitive, which
 * cannot be {@code null}.
 *
 * <p>Messages repeat a rejected number but never a string, which may be a secret in the wrong field.
 */
final class NumberDeserializers {

    /** The maximum length of a number that a message repeats. A longer number is described by its length. */
    private static final int MAX_ECHOED_LENGTH = 40;

    /**
     * The maximum digits of a {@link BigInteger} value, the number length that Jackson's
     * {@code StreamReadConstraints} accept by default, which exponent notation would bypass.
     */
    private static final int MAX_UNBOUNDED_DIGITS = 1000;

    private NumberDeserializers() {
    }

    /** Registers the deserializers for the whole number, fractional number and boolean types. */
    static void register(SimpleModule module) {
        module.addDeserializer(Integer.class, WholeNumberDeserializer.bounded(Integer.class, null, Integer.MIN_VALUE, Integer.MAX_VALUE, BigInteger::intValue));
        module.addDeserializer(int.class, WholeNumberDeserializer.bounded(int.class, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, BigInteger::intValue));
        module.addDeserializer(Long.class, WholeNumberDeserializer.bounded(Long.class, null, Long.MIN_VALUE, Long.MAX_VALUE, BigInteger::longValue));
        module.addDeserializer(long.class, WholeNumberDeserializer.bounded(long.class, 0L, Long.MIN_VALUE, Long.MAX_VALUE, BigInteger::longValue));
        module.addDeserializer(Short.class, WholeNumberDeserializer.bounded(Short.class, null, Short.MIN_VALUE, Short.MAX_VALUE, BigInteger::shortValue));
        module.addDeserializer(short.class, WholeNumberDeserializer.bounded(short.class, (short) 0, Short.MIN_VALUE, Short.MAX_VALUE, BigInteger::shortValue));
        module.addDeserializer(Byte.class, WholeNumberDeserializer.bounded(Byte.class, null, Byte.MIN_VALUE, Byte.MAX_VALUE, BigInteger::byteValue));
        module.addDeserializer(byte.class, WholeNumberDeserializer.bounded(byte.class, (byte) 0, Byte.MIN_VALUE, Byte.MAX_VALUE, BigInteger::byteValue));
        module.addDeserializer(BigInteger.class, WholeNumberDeserializer.unbounded());

        module.addDeserializer(Double.class, new FractionalNumberDeserializer<>(Double.class, null, BigDecimal::doubleValue));
        module.addDeserializer(double.class, new FractionalNumberDeserializer<>(double.class, 0.0, BigDecimal::doubleValue));
        module.addDeserializer(Float.class, new FractionalNumberDeserializer<>(Float.class, null, BigDecimal::floatValue));
        module.addDeserializer(float.class, new FractionalNumberDeserializer<>(float.class, 0.0f, BigDecimal::floatValue));
        module.addDeserializer(BigDecimal.class, new FractionalNumberDeserializer<>(BigDecimal.class, null, Function.identity()));

        module.addDeserializer(Boolean.class, new BooleanDeserializer(Boolean.class, null));
        module.addDeserializer(boolean.class, new BooleanDeserializer(boolean.class, false));
    }

    /**
     * A base for values that may be primitives: the stand-in replaces a rejected value and a
     * {@code null} in the file, which the check for required fields reports.
     */
    abstract static class StandInDeserializer<T> extends ConfigValueDeserializers.ScalarDeserializer<T> {

        private final T standIn;

        StandInDeserializer(Class<T> type, T standIn) {
            super(type);
            this.standIn = standIn;
        }

        @Override
        public T getNullValue(DeserializationContext context) {
            return standIn;
        }

        @Override
        T rejected() {
            return standIn;
        }

        /** Reports a value of the wrong kind, with a hint when it is the right value in quotes. */
        T reportWrongKind(JsonParser parser, BindingSession session, boolean rightValueInQuotes) {
            String hint = rightValueInQuotes ? ": write it without quotes" : "";
            session.reportProblem(parser, "must be " + expected() + ", but is " + JsonPaths.describe(parser.currentToken()) + hint);
            return standIn;
        }
    }

    /** Accepts a whole number in a range, also when written with a zero fraction such as {@code 3.0} or {@code 1e3}. */
    static final class WholeNumberDeserializer<T> extends StandInDeserializer<T> {

        /** The smallest and the largest value a type can hold. */
        private record Range(BigInteger min, BigInteger max) {

            /** The digits of {@link Long#MAX_VALUE}, so that a number with more is out of every range. */
            static final int MAX_DIGITS = 19;

            boolean contains(BigInteger value) {
                return value.compareTo(min) >= 0 && value.compareTo(max) <= 0;
            }
        }

        private final Optional<Range> range;
        private final Function<BigInteger, T> convert;

        private WholeNumberDeserializer(Class<T> type, T standIn, Optional<Range> range, Function<BigInteger, T> convert) {
            super(type, standIn);
            this.range = range;
            this.convert = convert;
        }

        /** Creates a deserializer of whole numbers from {@code min} to {@code max}. */
        static <T> WholeNumberDeserializer<T> bounded(Class<T> type, T standIn, long min, long max, Function<BigInteger, T> convert) {
            Range range = new Range(BigInteger.valueOf(min), BigInteger.valueOf(max));
            return new WholeNumberDeserializer<>(type, standIn, Optional.of(range), convert);
        }

        /** Creates a deserializer of {@link BigInteger}, which has no bounds. */
        static WholeNumberDeserializer<BigInteger> unbounded() {
            return new WholeNumberDeserializer<>(BigInteger.class, null, Optional.empty(), Function.identity());
        }

        @Override
        String expected() {
            return "a whole number";
        }

        @Override
        T fromScalar(JsonParser parser, BindingSession session) {
            JsonToken token = parser.currentToken();
            if (!token.isNumeric()) {
                return reportWrongKind(parser, session, token == JsonToken.VALUE_STRING && isNumber(parser.getString()));
            }
            Optional<BigDecimal> number = exactValue(parser);
            if (number.isEmpty()) {
                session.reportProblem(parser, "must be a whole number, but is " + nonFinite(parser));
                return rejected();
            }
            BigDecimal stripped = number.get().stripTrailingZeros();
            if (stripped.scale() > 0) {
                session.reportProblem(parser, "must be a whole number, but is " + echo(number.get()));
                return rejected();
            }
            // The digits are counted before the value is expanded, so that 1e999999999 is never built.
            int digits = stripped.precision() - stripped.scale();
            if (range.isPresent() && (digits > Range.MAX_DIGITS || !range.get().contains(stripped.toBigIntegerExact()))) {
                session.reportProblem(parser, "must be a whole number from " + range.get().min() + " to " + range.get().max()
                        + ", but is " + echo(number.get()));
                return rejected();
            }
            if (digits > MAX_UNBOUNDED_DIGITS) {
                session.reportProblem(parser, "must be a whole number of at most " + MAX_UNBOUNDED_DIGITS + " digits, but is " + echo(number.get()));
                return rejected();
            }
            return convert.apply(stripped.toBigIntegerExact());
        }
    }

    /** Accepts any finite number. */
    static final class FractionalNumberDeserializer<T> extends StandInDeserializer<T> {

        private final Function<BigDecimal, T> convert;

        FractionalNumberDeserializer(Class<T> type, T standIn, Function<BigDecimal, T> convert) {
            super(type, standIn);
            this.convert = convert;
        }

        @Override
        String expected() {
            return "a number";
        }

        @Override
        T fromScalar(JsonParser parser, BindingSession session) {
            JsonToken token = parser.currentToken();
            if (!token.isNumeric()) {
                return reportWrongKind(parser, session, token == JsonToken.VALUE_STRING && isNumber(parser.getString()));
            }
            Optional<BigDecimal> number = exactValue(parser);
            T value = number.map(convert).orElse(null);
            if (value == null || isInfinite(value)) {
                session.reportProblem(parser, "must be a finite number, but is " + (number.isEmpty() ? nonFinite(parser) : "too large"));
                return rejected();
            }
            return value;
        }

        private static boolean isInfinite(Object value) {
            return (value instanceof Double d && d.isInfinite()) || (value instanceof Float f && f.isInfinite());
        }
    }

    /** Accepts {@code true} and {@code false}, but not text or numbers. */
    static final class BooleanDeserializer extends StandInDeserializer<Boolean> {

        BooleanDeserializer(Class<Boolean> type, Boolean standIn) {
            super(type, standIn);
        }

        @Override
        String expected() {
            return "true or false";
        }

        @Override
        Boolean fromScalar(JsonParser parser, BindingSession session) {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return token == JsonToken.VALUE_TRUE;
            }
            boolean quoted = token == JsonToken.VALUE_STRING
                    && (parser.getString().equalsIgnoreCase("true") || parser.getString().equalsIgnoreCase("false"));
            return reportWrongKind(parser, session, quoted);
        }
    }

    /**
     * Returns the exact value of the number the parser is at, or empty for NaN and infinity,
     * which YAML writes as {@code .nan} and {@code .inf}.
     */
    private static Optional<BigDecimal> exactValue(JsonParser parser) {
        if (parser.isNaN()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.getDecimalValue());
        } catch (JacksonException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Names a number that has no exact value: NaN, or an infinity as "too large". */
    private static String nonFinite(JsonParser parser) {
        return Double.isNaN(parser.getDoubleValue()) ? "NaN" : "too large";
    }

    private static String echo(BigDecimal number) {
        String text = number.toString();
        return text.length() <= MAX_ECHOED_LENGTH ? text : "a number of " + text.length() + " characters";
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
