package dev.httpauth.domain.model;

import java.util.List;
import java.util.Objects;

/**
 * A configured connection and the problems found when checking it without contacting any server.
 *
 * @param connection the connection as configured
 * @param problems what is wrong, such as a secret ref that does not resolve; empty when usable
 */
public record ConnectionStatus(Connection connection, List<ConfigProblem> problems) {

    public ConnectionStatus {
        Objects.requireNonNull(connection, "connection");
        problems = List.copyOf(problems);
    }

    /** Tells whether no problem was found. */
    public boolean usable() {
        return problems.isEmpty();
    }
}
