package dev.httpauth.adapters.http;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import io.vavr.control.Either;

import java.util.List;

/** Serves a fixed list of connections, for tests that wire the domain service to real servers. */
final class ConnectionList implements LoadConnectionsPort {

    private final List<Connection> connections;

    ConnectionList(Connection... connections) {
        this.connections = List.of(connections);
    }

    @Override
    public Either<AuthError, Connection> loadConnection(String id) {
        return connections.stream()
                .filter(connection -> connection.id().equals(id))
                .findFirst()
                .<Either<AuthError, Connection>>map(Either::right)
                .orElseGet(() -> Either.left(new AuthError.UnknownConnection(id, connections.stream().map(Connection::id).toList())));
    }

    @Override
    public Either<AuthError, List<Connection>> loadAllConnections() {
        return Either.right(connections);
    }
}
