package dev.httpauth.domain.port.out;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Connection;
import io.vavr.control.Either;

import java.util.List;

/** Reads configured connections. */
public interface LoadConnectionsPort {

    /** Returns the connection with {@code id}, {@code UnknownConnection}, or {@code InvalidConfiguration}. */
    Either<AuthError, Connection> loadConnection(String id);

    /** Returns every connection in id order, or {@code InvalidConfiguration} listing every problem. */
    Either<AuthError, List<Connection>> loadAllConnections();
}
