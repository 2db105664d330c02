package dev.httpauth.domain.model;

import java.util.Map;
import java.util.Objects;

/**
 * An API key sent in a request header or in a query parameter.
 *
 * <p>In a header, the value is {@code prefix + key}, for example {@code X-API-Key: 1234} or, with
 * the prefix {@code "Bearer "}, {@code Authorization: Bearer 1234}. In the query, the key is
 * percent-encoded and appended to the request's existing query.
 *
 * @param in where the key goes
 * @param name the header name (an RFC 9110 token) or the query parameter name
 * @param prefix text sent before the key in a header, empty for none; unused in the query
 * @param value where the key is stored
 */
public record ApiKey(Placement in, String name, String prefix, SecretRef value) implements HttpAuthMethod {

    public static final String TYPE_ID = "api-key";

    /** Where the key is sent. */
    public enum Placement {
        HEADER,
        QUERY
    }

    public ApiKey {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        prefix = prefix == null ? "" : prefix;
    }

    /** Creates a key sent in the header {@code name} with no prefix. */
    public static ApiKey inHeader(String name, SecretRef value) {
        return new ApiKey(Placement.HEADER, name, "", value);
    }

    /** Creates a key sent as the query parameter {@code name}. */
    public static ApiKey inQuery(String name, SecretRef value) {
        return new ApiKey(Placement.QUERY, name, "", value);
    }

    @Override
    public String typeId() {
        return TYPE_ID;
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of("value", value);
    }
}
