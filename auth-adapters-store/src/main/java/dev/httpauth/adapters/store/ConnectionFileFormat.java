package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.HttpAuthMethod;
import dev.httpauth.domain.service.AuthMethodValidation;
import dev.httpauth.domain.spi.AuthMethodProvider;
import io.vavr.control.Either;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The auth method types a connections file may use: the built-in {@code basic}, {@code api-key}
 * and {@code oauth2-client-credentials}, plus the methods of plugins.
 *
 * <p>Each plugin's configuration record becomes the Jackson subtype of its type id, so its fields
 * get the same checks as those of the built-in methods: unknown fields with a suggestion for a near
 * miss, missing required fields, and secret refs. Immutable and thread-safe.
 */
public final class ConnectionFileFormat {

    /** The form of a plugin's type id: a lower-case letter, then lower-case letters, digits, '.' or '-'. */
    static final Pattern TYPE_ID = Pattern.compile("[a-z][a-z0-9.-]*");

    private static final ConnectionFileFormat BUILT_IN = new ConnectionFileFormat(Map.of());

    private final Map<String, Class<?>> typesById;
    private final Map<String, AuthMethodProvider<?>> providersById;
    private final Map<Class<?>, List<String>> requiredFields = new HashMap<>(AuthMethodMixins.REQUIRED_FIELDS);
    private final Map<Class<?>, Map<String, Class<?>>> nestedObjects = new HashMap<>(AuthMethodMixins.NESTED_OBJECTS);
    private final JsonMapper bindingMapper;

    private ConnectionFileFormat(Map<String, AuthMethodProvider<?>> providersById) {
        this.providersById = Map.copyOf(providersById);

        Map<String, Class<?>> types = new TreeMap<>(AuthMethodMixins.TYPES);
        List<NamedType> pluginTypes = new ArrayList<>();
        providersById.forEach((typeId, provider) -> {
            types.put(typeId, provider.configurationType());
            pluginTypes.add(new NamedType(provider.configurationType(), typeId));
            addFieldsOf(provider.configurationType());
        });
        this.typesById = Collections.unmodifiableMap(types);

        this.bindingMapper = AuthMethodMixins.register(JsonMapper.builder())
                .registerSubtypes(pluginTypes.toArray(NamedType[]::new))
                .build();
    }

    /** Returns the format with the built-in methods only. */
    public static ConnectionFileFormat builtIn() {
        return BUILT_IN;
    }

    /**
     * Returns the format with the built-in methods and those of {@code providers}. A provider class
     * listed twice counts once.
     *
     * @throws InvalidPluginException listing every problem. A type id that two providers, or a
     *     provider and a built-in method, share is reported with both and the jars they come from.
     *     A type id of the wrong form and a configuration type that is not a record are reported too
     */
    public static ConnectionFileFormat withPlugins(Collection<? extends AuthMethodProvider<?>> providers) {
        Objects.requireNonNull(providers, "providers");
        if (providers.isEmpty()) {
            return BUILT_IN;
        }
        Map<String, AuthMethodProvider<?>> providersById = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (AuthMethodProvider<?> provider : distinctClasses(providers)) {
            problems.addAll(PluginChecks.problems(provider));
            String typeId = provider.typeId();
            if (typeId == null) {
                continue;
            }
            Class<?> builtIn = AuthMethodMixins.TYPES.get(typeId);
            AuthMethodProvider<?> earlier = providersById.putIfAbsent(typeId, provider);
            if (builtIn != null) {
                problems.add(PluginChecks.builtInClash(typeId, provider, builtIn));
            } else if (earlier != null) {
                problems.add(PluginChecks.pluginClash(typeId, earlier, provider));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPluginException(problems);
        }
        return new ConnectionFileFormat(providersById);
    }

    /** Returns every type id a file may use, sorted. */
    public SortedSet<String> typeIds() {
        return new TreeSet<>(typesById.keySet());
    }

    /**
     * Returns a JSON Schema (draft 2020-12) of a connections file in this format, indented, with a
     * line break at the end. It describes the built-in methods and each plugin's configuration
     * record; secret fields carry the pattern of a secret ref.
     */
    public String jsonSchema() {
        return ConnectionFileSchema.of(this);
    }

    /** Returns the record each type id binds to. */
    Map<String, Class<?>> types() {
        return typesById;
    }

    /** Returns the fields that an object of {@code type} must have. */
    List<String> requiredFields(Class<?> type) {
        return requiredFields.getOrDefault(type, List.of());
    }

    /** Returns the fields of an object of {@code type} that contain an object of their own, with the type of that object. */
    Map<String, Class<?>> nestedObjects(Class<?> type) {
        return nestedObjects.getOrDefault(type, Map.of());
    }

    /** Tells whether {@code typeId} belongs to a plugin. */
    boolean isPlugin(String typeId) {
        return providersById.containsKey(typeId);
    }

    /** Returns the mapper that binds auth objects, with the plugin records registered as subtypes. */
    JsonMapper bindingMapper() {
        return bindingMapper;
    }

    /**
     * Checks {@code method}, which was bound from an auth object with the type {@code typeId}: the
     * domain's checks, then for a plugin method the plugin's own validation. Call it for a plugin
     * method only when binding found no problem, because the plugin may expect every required
     * field to be set.
     *
     * @return the method, as the plugin normalized it, or every problem with a path relative to the auth object
     */
    Either<List<ConfigProblem>, HttpAuthMethod> validate(String typeId, HttpAuthMethod method) {
        List<ConfigProblem> problems = AuthMethodValidation.problems(method);
        if (!problems.isEmpty()) {
            return Either.left(problems);
        }
        AuthMethodProvider<?> provider = providersById.get(typeId);
        if (provider == null) {
            return Either.right(method);
        }
        if (!method.typeId().equals(typeId)) {
            return Either.left(List.of(new ConfigProblem(AuthMethodMixins.TYPE_PROPERTY, "the plugin "
                    + CodeLocations.describe(provider.getClass()) + " binds '" + typeId + "' to " + method.getClass().getName()
                    + ", whose typeId() returns '" + method.typeId() + "': the plugin is broken, report it to its authors")));
        }
        return validateWith(provider, (CustomAuthMethod) method);
    }

    @Override
    public String toString() {
        return "ConnectionFileFormat" + typeIds();
    }

    private static <C extends CustomAuthMethod> Either<List<ConfigProblem>, HttpAuthMethod> validateWith(
            AuthMethodProvider<C> provider,
            CustomAuthMethod method) {
        return provider.validate(provider.configurationType().cast(method))
                .toEither()
                .<List<ConfigProblem>>mapLeft(problems -> problems.toJavaList())
                .map(HttpAuthMethod.class::cast);
    }

    private void addFieldsOf(Class<?> record) {
        if (requiredFields.containsKey(record)) {
            return;
        }
        requiredFields.put(record, RecordFields.requiredFields(record));
        Map<String, Class<?>> nested = RecordFields.nestedRecords(record);
        nestedObjects.put(record, nested);
        nested.values().forEach(this::addFieldsOf);
    }

    private static List<AuthMethodProvider<?>> distinctClasses(Collection<? extends AuthMethodProvider<?>> providers) {
        Map<Class<?>, AuthMethodProvider<?>> byClass = new LinkedHashMap<>();
        providers.forEach(provider -> byClass.putIfAbsent(Objects.requireNonNull(provider, "provider").getClass(), provider));
        return List.copyOf(byClass.values());
    }
}
