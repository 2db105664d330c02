package dev.httpauth.adapters.store;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The fields of a plugin's configuration record as a connections file writes them: one field per
 * record component, with the component's name. A component of an {@code Optional} type may be left
 * out; every other component is required.
 */
final class RecordFields {

    private static final Set<Class<?>> OPTIONAL_TYPES = Set.of(Optional.class, OptionalInt.class, OptionalLong.class, OptionalDouble.class);

    private RecordFields() {
    }

    /** Returns the names of the required components of {@code record}, in declaration order. */
    static List<String> requiredFields(Class<?> record) {
        return components(record).stream()
                .filter(component -> !OPTIONAL_TYPES.contains(component.getType()))
                .map(RecordComponent::getName)
                .toList();
    }

    /**
     * Returns the components of {@code record} whose type is a record too, or an {@code Optional}
     * of a record, keyed by name, in declaration order.
     */
    static Map<String, Class<?>> nestedRecords(Class<?> record) {
        Map<String, Class<?>> nested = new LinkedHashMap<>();
        for (RecordComponent component : components(record)) {
            valueType(component).filter(Class::isRecord).ifPresent(type -> nested.put(component.getName(), type));
        }
        return nested;
    }

    /** Returns the class of the component's value: the type argument of an {@code Optional}, else the component's type. */
    private static Optional<Class<?>> valueType(RecordComponent component) {
        if (component.getType() != Optional.class) {
            return Optional.of(component.getType());
        }
        if (component.getGenericType() instanceof ParameterizedType optional
                && optional.getActualTypeArguments()[0] instanceof Class<?> argument) {
            return Optional.of(argument);
        }
        return Optional.empty();
    }

    private static List<RecordComponent> components(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        return components == null ? List.of() : Arrays.asList(components);
    }
}
