package dev.httpauth.bench.support;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import io.vavr.control.Either;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connections held in a map whose values are the finished {@code Either} results, so that a lookup
 * allocates nothing and the benchmarks measure the service rather than this port.
 */
public final class FixedConnections implements LoadConnectionsPort {

    private final Map<String, Either<AuthError, Connection>> byId;
    private final List<Connection> all;

    public FixedConnections(List<Connection> connections) {
        this.byId = HashMap.newHashMap(connections.size());
        for (Connection connection : connections) {
            byId.put(connection.id(), Either.right(connection));
        }
        this.all = connections.stream().sorted(Comparator.comparing(Connection::id)).toList();
    }

    @Override
    public Either<AuthError, Connection> loadConnection(String id) {
        Either<AuthError, Connection> found = byId.get(id);
        return found != null ? found : Either.left(new AuthError.UnknownConnection(id, List.of()));
    }

    @Override
    public Either<AuthError, List<Connection>> loadAllConnections() {
        return Either.right(all);
    }
}
