package dev.httpauth.domain.model;

import java.util.Objects;

/**
 * One mistake in configuration.
 *
 * @param path where the mistake is, such as {@code connections.crm.auth.scope}; relative to the
 *     auth method (such as {@code scope}) while a method validates itself
 * @param message what is wrong and how to fix it; never a secret value
 */
public record ConfigProblem(String path, String message) {

    public ConfigProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** Returns this problem with {@code prefix} and a dot placed before its path. */
    public ConfigProblem under(String prefix) {
        return new ConfigProblem(path.isEmpty() ? prefix : prefix + "." + path, message);
    }

    /** Returns {@code path: message}, or the message alone for a problem of the whole file. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
