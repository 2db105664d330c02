package dev.httpauth.domain.model;

import dev.httpauth.domain.error.AuthError;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of testing a connection: every step in order, and the error that stopped the test.
 *
 * @param connectionId the tested connection
 * @param methodType the auth method's type id, empty when the connection could not be loaded
 * @param steps the steps in the order they ran
 * @param error why the test failed, empty when it passed
 */
public record ConnectionTestReport(String connectionId, Optional<String> methodType, List<TestStep> steps, Optional<AuthError> error) {

    public ConnectionTestReport {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(methodType, "methodType");
        steps = List.copyOf(steps);
        Objects.requireNonNull(error, "error");
    }

    /** Tells whether every step passed. */
    public boolean passed() {
        return error.isEmpty();
    }
}
