package dev.httpauth.domain.support;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import io.vavr.control.Either;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Serves a fixed list of connections, or one fixed error for every call. */
public final class FakeConnections implements LoadConnectionsPort {

    private final List<Connection> connections;
    private final Optional<AuthError> failure;

    private FakeConnections(List<Connection> connections, Optional<AuthError> failure) {
        this.connections = connections.stream().sorted(Comparator.comparing(Connection::id)).toList();
        this.failure = failure;
    }

    /** Serves {@code connections}; an unknown id returns {@code UnknownConnection} listing the known ids. */
    public static FakeConnections of(Connection... connections) {
        return new FakeConnections(List.of(connections), Optional.empty());
    }

    /** Returns {@code error} from every call, like a connections file that could not be read. */
    public static FakeConnections failingWith(AuthError error) {
        return new FakeConnections(List.of(), Optional.of(error));
    }

    @Override
    public Either<AuthError, Connection> loadConnection(String id) {
        if (failure.isPresent()) {
            return Either.left(failure.get());
        }
        return connections.stream()
                .filter(connection -> connection.id().equals(id))
                .findFirst()
                .<Either<AuthError, Connection>>map(Either::right)
                .orElseGet(() -> Either.left(new AuthError.UnknownConnection(id, connections.stream().map(Connection::id).toList())));
    }

    @Override
    public Either<AuthError, List<Connection>> loadAllConnections() {
        return failure.<Either<AuthError, List<Connection>>>map(Either::left).orElseGet(() -> Either.right(connections));
    }
}
