package dev.httpauth.adapters.store.plugin;

import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of a test plugin with a field of each value kind that a plugin may declare:
 * whole numbers, a fractional number, a boolean, an enum, a list of numbers and a map.
 */
public record TypedFields(
        SecretRef secret,
        int attempts,
        long windowSeconds,
        boolean strict,
        double ratio,
        Optional<Integer> maxRetries,
        Optional<Mode> mode,
        Optional<List<Integer>> ports,
        Optional<Map<String, String>> labels) implements CustomAuthMethod {

    public static final String TYPE_ID = "typed-fields";

    /** A plugin enum, which the file writes with the constant's name. */
    public enum Mode {
        FAST, SAFE
    }

    public TypedFields {
        maxRetries = maxRetries == null ? Optional.empty() : maxRetries;
        mode = mode == null ? Optional.empty() : mode;
        ports = ports == null ? Optional.empty() : ports;
        labels = labels == null ? Optional.empty() : labels;
    }

    @Override
    public String typeId() {
        return TYPE_ID;
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of("secret", secret);
    }

    @Override
    public RequestCredentials authorize(OutgoingRequest request, Map<String, Secret> secrets) {
        return RequestCredentials.header("X-Typed", secrets.get("secret"));
    }
}
