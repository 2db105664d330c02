package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.TokenPolicy;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import java.time.Duration;
import java.util.List;

/**
 * Binds {@code tokenPolicy}, whose fields are all optional and default to those of
 * {@link TokenPolicy#DEFAULT}. A value out of range is reported at its own field, such as
 * {@code tokenPolicy.refreshAfterShare}, with every other one, where the policy's constructor would
 * stop at the first.
 */
final class TokenPolicyDeserializer extends ValueDeserializer<TokenPolicy> {

    /** The fields of a token policy as a file writes them, each {@code null} when absent or rejected. */
    record Fields(
            Duration refreshSkew,
            Double refreshAfterShare,
            Duration defaultLifetime,
            Duration initialBackoff,
            Duration maxBackoff,
            Double jitter,
            Duration maxRetryAfter) {
    }

    /**
     * Returns the policy, {@link TokenPolicy#DEFAULT} in place of one with a value out of range, or
     * {@code null} when the value is not an object. Every problem is reported to the {@link BindingSession}.
     */
    @Override
    public TokenPolicy deserialize(JsonParser parser, DeserializationContext context) {
        String path = JsonPaths.of(parser.streamReadContext());
        Fields fields = context.readValue(parser, Fields.class);
        if (fields == null) {
            return null;
        }

        List<ConfigProblem> problems = TokenPolicy.problems(fields.refreshSkew(), fields.refreshAfterShare(), fields.defaultLifetime(),
                fields.initialBackoff(), fields.maxBackoff(), fields.jitter(), fields.maxRetryAfter());
        if (!problems.isEmpty()) {
            BindingSession session = BindingSession.of(context);
            problems.forEach(problem -> session.reportProblem(JsonPaths.child(path, problem.path()), problem.message()));
            return TokenPolicy.DEFAULT;
        }
        return TokenPolicy.withDefaultsFor(fields.refreshSkew(), fields.refreshAfterShare(), fields.defaultLifetime(),
                fields.initialBackoff(), fields.maxBackoff(), fields.jitter(), fields.maxRetryAfter());
    }
}
