package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Connection;
import io.vavr.control.Either;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** An immutable set of connections with unique ids, looked up by id. */
final class ConnectionCatalog {

    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._-]+");

    private final SortedMap<String, Connection> connectionsById = new TreeMap<>();

    /**
     * Creates a catalog of {@code connections}.
     *
     * @throws IllegalArgumentException if two connections have the same id
     */
    ConnectionCatalog(Collection<Connection> connections) {
        for (Connection connection : connections) {
            if (connectionsById.putIfAbsent(connection.id(), connection) != null) {
                throw new IllegalArgumentException("Duplicate connection id '" + connection.id() + "'");
            }
        }
    }

    /** Returns the connection with {@code id}, or {@code UnknownConnection} listing the known ids. */
    Either<AuthError, Connection> find(String id) {
        Connection connection = connectionsById.get(id);
        if (connection == null) {
            return Either.left(new AuthError.UnknownConnection(id, List.copyOf(connectionsById.keySet())));
        }
        return Either.right(connection);
    }

    /** Returns every connection in id order. */
    List<Connection> all() {
        return List.copyOf(connectionsById.values());
    }

    /**
     * Checks a connection id: one or more ASCII letters, digits, {@code '-'}, {@code '_'} or
     * {@code '.'}, so that an id can be typed on a command line and read in a path.
     *
     * @return what is wrong with {@code id}, or empty when it is valid
     */
    static Optional<String> idProblem(String id) {
        if (id.isEmpty()) {
            return Optional.of("the connection id is empty: name the connection with letters, digits, '-', '_' or '.'");
        }
        if (!VALID_ID.matcher(id).matches()) {
            return Optional.of("'" + JsonPaths.excerpt(id) + "' is not a valid connection id: use only ASCII letters, digits, '-', '_' and '.'");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "ConnectionCatalog" + connectionsById.keySet();
    }
}
