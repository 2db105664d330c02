package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import dev.httpauth.domain.service.AuthMethodValidation;
import io.vavr.control.Either;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Connections that a host application builds in code instead of reading them from a file.
 * Immutable and thread-safe.
 */
public final class InMemoryConnections implements LoadConnectionsPort {

    private final ConnectionCatalog catalog;

    /**
     * Checks and keeps {@code connections}.
     *
     * @throws IllegalArgumentException listing every problem, each with its path such as
     *     {@code connections.crm.auth.scope}, if an id is invalid or repeated or a method fails
     *     {@link AuthMethodValidation}
     */
    public InMemoryConnections(List<Connection> connections) {
        List<ConfigProblem> problems = problems(connections);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid connections:" + problems.stream()
                    .map(problem -> "\n  " + problem)
                    .collect(Collectors.joining()));
        }
        this.catalog = new ConnectionCatalog(connections);
    }

    @Override
    public Either<AuthError, Connection> loadConnection(String id) {
        return catalog.find(id);
    }

    @Override
    public Either<AuthError, List<Connection>> loadAllConnections() {
        return Either.right(catalog.all());
    }

    @Override
    public String toString() {
        return "InMemoryConnections" + catalog.all().stream().map(Connection::id).toList();
    }

    private static List<ConfigProblem> problems(List<Connection> connections) {
        List<ConfigProblem> problems = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        for (Connection connection : connections) {
            String path = JsonPaths.child(ConnectionFileReader.CONNECTIONS, connection.id());
            ConnectionCatalog.idProblem(connection.id()).ifPresent(message -> problems.add(new ConfigProblem(path, message)));
            if (!seenIds.add(connection.id())) {
                problems.add(new ConfigProblem(path, "duplicate connection id '" + JsonPaths.printable(connection.id())
                        + "': give each connection its own id"));
            }
            String authPath = JsonPaths.child(path, ConnectionFileReader.AUTH);
            AuthMethodValidation.problems(connection.auth()).forEach(problem -> problems.add(problem.under(authPath)));
        }
        return problems;
    }
}
