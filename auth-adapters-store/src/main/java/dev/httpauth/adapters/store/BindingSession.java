package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The state of binding one auth object: the secret store schemes its refs may name, and the
 * problems found so far, with paths relative to the auth object.
 *
 * <p>The binder stores the session as a {@link DeserializationContext} attribute keyed by this
 * class, so that the value deserializers and the problem handler report to it instead of
 * throwing. Not thread-safe: one binding runs on one thread.
 */
final class BindingSession {

    private final Set<String> secretSchemes;
    private final List<ConfigProblem> problems = new ArrayList<>();

    BindingSession(Set<String> secretSchemes) {
        this.secretSchemes = Set.copyOf(secretSchemes);
    }

    /** Returns the session of the binding that {@code context} belongs to. */
    static BindingSession of(DeserializationContext context) {
        if (context.getAttribute(BindingSession.class) instanceof BindingSession session) {
            return session;
        }
        throw new IllegalStateException("No BindingSession attribute is set: bind auth objects with AuthMethodBinder");
    }

    /** Returns the schemes of the configured secret stores, such as {@code env}. */
    Set<String> secretSchemes() {
        return secretSchemes;
    }

    /** Records {@code message} for the value that {@code parser} is at. */
    void reportProblem(JsonParser parser, String message) {
        reportProblem(JsonPaths.of(parser.streamReadContext()), message);
    }

    /** Records {@code message} for the value at {@code path}. */
    void reportProblem(String path, String message) {
        problems.add(new ConfigProblem(path, message));
    }

    /** Returns the problems recorded so far, in the order they were found. */
    List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }
}
