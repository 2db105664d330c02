package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.HttpAuthMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the {@code auth} object of one connection to an {@link HttpAuthMethod} and reports every
 * problem in it, with paths relative to the auth object.
 *
 * <p>Jackson stops at the first error it cannot recover from, so the binder checks what it can on
 * the tree first (the type id and the required fields) and binds with a
 * {@link RecordingProblemHandler} that records unknown fields and bad values and goes on.
 * Thread-safe.
 */
final class AuthMethodBinder {

    private static final Logger LOG = LoggerFactory.getLogger(AuthMethodBinder.class);

    private final ConnectionFileFormat format;
    private final ObjectReader reader;

    /** Creates a binder for the auth method types of {@code format}. */
    AuthMethodBinder(ConnectionFileFormat format) {
        this.format = format;
        this.reader = format.bindingMapper().readerFor(HttpAuthMethod.class).withHandler(new RecordingProblemHandler());
    }

    /**
     * The result of binding one auth object.
     *
     * @param typeId the value of the {@code type} field; empty when it is missing or unknown
     * @param method the method, if Jackson could build it; present even when there are problems,
     *     so that the caller can validate it too
     * @param problems every problem found, with paths relative to the auth object
     */
    record Binding(String typeId, Optional<HttpAuthMethod> method, List<ConfigProblem> problems) {

        Binding {
            problems = List.copyOf(problems);
        }
    }

    /** Binds {@code auth}, accepting secret refs whose scheme is in {@code secretSchemes}. */
    Binding bind(JsonNode auth, Set<String> secretSchemes) {
        Optional<ConfigProblem> typeProblem = typeProblem(auth);
        if (typeProblem.isPresent()) {
            return new Binding("", Optional.empty(), List.of(typeProblem.get()));
        }

        String typeId = auth.get(AuthMethodMixins.TYPE_PROPERTY).stringValue();
        List<ConfigProblem> problems = new ArrayList<>(
                missingFieldProblems(auth, format.types().get(typeId), "", "auth type '" + typeId + "'"));

        BindingSession session = new BindingSession(secretSchemes);
        HttpAuthMethod method = null;
        try {
            method = reader.withAttribute(BindingSession.class, session).readValue(auth);
        } catch (JacksonException e) {
            // The handler records every problem it recognizes without throwing. An exception that still
            // escapes is reported here, unless an earlier problem already explains the failure.
            // Jackson's message names Java types and may quote the value, so neither the problem nor the log shows it.
            if (problems.isEmpty() && session.problems().isEmpty()) {
                String path = JsonPaths.of(e.getPath());
                LOG.warn("Binding an auth object of type '{}' failed at '{}' with {}", typeId, path, e.getClass().getSimpleName());
                session.reportProblem(path, "could not be read as auth type '" + typeId + "': the value does not fit the fields of that type."
                        + " If a plugin provides the type, report this to its authors");
            }
        }
        problems.addAll(session.problems());

        if (method == null && problems.isEmpty()) {
            problems.add(new ConfigProblem("", "could not be read as auth type '" + typeId + "'"));
        }
        return new Binding(typeId, Optional.ofNullable(method), problems);
    }

    private Optional<ConfigProblem> typeProblem(JsonNode auth) {
        String property = AuthMethodMixins.TYPE_PROPERTY;
        String knownTypes = FieldNames.sorted(format.types().keySet());
        JsonNode type = auth.get(property);
        if (type == null || type.isNull()) {
            String misspelling = auth.propertyNames().stream()
                    .filter(name -> FieldNames.closest(name, List.of(property)).isPresent())
                    .findFirst()
                    .map(name -> " (the field '" + JsonPaths.excerpt(name) + "' looks like a misspelling of it)")
                    .orElse("");
            return Optional.of(new ConfigProblem(property, "is missing: set it to one of " + knownTypes + misspelling));
        }
        if (!type.isString()) {
            return Optional.of(new ConfigProblem(property, "must be a string, one of " + knownTypes + ", but is " + JsonPaths.describe(type)));
        }

        String typeId = type.stringValue();
        if (format.types().containsKey(typeId)) {
            return Optional.empty();
        }
        String suggestion = FieldNames.closest(typeId, format.types().keySet())
                .map(closest -> "did you mean '" + closest + "'? The known types are ")
                .orElse("use one of ");
        return Optional.of(new ConfigProblem(property,
                "'" + JsonPaths.excerpt(typeId) + "' is not a known auth method type: " + suggestion + knownTypes));
    }

    /**
     * Reports each required field of {@code type} that is absent or {@code null} in {@code object},
     * and does the same inside its nested objects. Jackson would report only the first one.
     */
    private List<ConfigProblem> missingFieldProblems(JsonNode object, Class<?> type, String path, String owner) {
        List<String> required = format.requiredFields(type);
        List<ConfigProblem> problems = new ArrayList<>();
        for (String field : required) {
            JsonNode value = object.get(field);
            if (value == null || value.isNull()) {
                String state = value == null ? "is missing" : "is null";
                problems.add(new ConfigProblem(JsonPaths.child(path, field), state + ": " + owner + " requires " + inWords(required)));
            }
        }

        format.nestedObjects(type).forEach((field, nestedType) -> {
            JsonNode nested = object.get(field);
            if (nested != null && nested.isObject()) {
                problems.addAll(missingFieldProblems(nested, nestedType, JsonPaths.child(path, field), field));
            }
        });
        return problems;
    }

    private static String inWords(List<String> fields) {
        if (fields.size() == 1) {
            return fields.getFirst();
        }
        return String.join(", ", fields.subList(0, fields.size() - 1)) + " and " + fields.getLast();
    }
}
