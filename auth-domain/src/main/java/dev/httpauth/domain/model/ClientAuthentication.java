package dev.httpauth.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** How a client authenticates to the token endpoint (RFC 6749 §2.3.1). */
public enum ClientAuthentication {

    /** Client id and secret in an {@code Authorization: Basic} header, each form-urlencoded first. */
    CLIENT_SECRET_BASIC("client_secret_basic"),

    /** Client id and secret as {@code client_id} and {@code client_secret} form parameters. */
    CLIENT_SECRET_POST("client_secret_post");

    private final String id;

    ClientAuthentication(String id) {
        this.id = id;
    }

    /** The name used in configuration and in OAuth server metadata, such as {@code client_secret_basic}. */
    public String id() {
        return id;
    }

    /** Finds the method whose {@link #id()} equals {@code id}, ignoring case. */
    public static Optional<ClientAuthentication> fromId(String id) {
        return Arrays.stream(values()).filter(method -> method.id.equalsIgnoreCase(id)).findFirst();
    }
}
