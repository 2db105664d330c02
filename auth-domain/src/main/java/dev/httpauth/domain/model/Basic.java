package dev.httpauth.domain.model;

import java.util.Map;
import java.util.Objects;

/**
 * HTTP Basic authentication (RFC 7617): {@code Authorization: Basic base64(user-id ":" password)}.
 *
 * <p>The record accepts any username so that configuration can be read in full and every problem
 * reported at once. {@code AuthMethodValidation} rejects a username containing {@code ':'} or a
 * control character before the method is used.
 *
 * @param username the user-id, sent as UTF-8
 * @param password where the password is stored
 */
public record Basic(String username, SecretRef password) implements HttpAuthMethod {

    public static final String TYPE_ID = "basic";

    public Basic {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String typeId() {
        return TYPE_ID;
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of("password", password);
    }
}
