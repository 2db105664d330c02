package dev.httpauth.domain.model;

import java.util.Objects;

/**
 * A configured link to one external HTTP service and the auth method its requests use.
 *
 * @param id the connection's name in the connections file, such as {@code crm}
 * @param auth how requests of this connection are authorized
 */
public record Connection(String id, HttpAuthMethod auth) {

    public Connection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(auth, "auth");
    }
}
