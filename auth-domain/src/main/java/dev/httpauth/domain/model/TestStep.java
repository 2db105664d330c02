package dev.httpauth.domain.model;

import java.util.Objects;

/**
 * One step of a connection test and how it went.
 *
 * @param name what the step checks, such as {@code token obtained}
 * @param outcome whether the step passed, failed or did not run
 * @param detail what the step found or why it failed; never a secret value
 */
public record TestStep(String name, Outcome outcome, String detail) {

    /** How a step went. */
    public enum Outcome {
        PASSED,
        FAILED,
        SKIPPED
    }

    public TestStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
