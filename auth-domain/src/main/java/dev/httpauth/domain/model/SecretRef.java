package dev.httpauth.domain.model;

import io.vavr.control.Validation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a secret is stored: a store scheme and a key within that store, written
 * {@code scheme:key}, such as {@code env:CRM_SECRET} or {@code file:/run/secrets/crm}.
 *
 * <p>A ref is not secret, so it may appear in messages and output.
 *
 * @param scheme the store, lower case, such as {@code env}
 * @param key the name of the secret within the store
 */
public record SecretRef(String scheme, String key) {

    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

    public SecretRef {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(key, "key");
        if (!SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException("Invalid secret store scheme '" + scheme + "': use lower-case letters, digits, '+', '.' or '-'");
        }
        if (key.isEmpty()) {
            throw new IllegalArgumentException("Empty key in secret ref '" + scheme + ":'");
        }
    }

    /**
     * Parses {@code scheme:key}.
     *
     * <p>The error message never repeats {@code text}, because a value that is not a ref is often
     * a secret pasted in by mistake.
     *
     * @return the ref, or a message saying how to write one
     */
    public static Validation<String, SecretRef> parse(String text) {
        if (text == null || text.isBlank()) {
            return Validation.invalid("is missing: write a secret ref such as env:NAME or file:/path/to/secret");
        }
        int colon = text.indexOf(':');
        String scheme = colon < 0 ? "" : text.substring(0, colon);
        if (colon < 0 || !SCHEME.matcher(scheme).matches()) {
            return Validation.invalid("is not a secret ref; a literal secret must not be stored in configuration: "
                    + "put the value in an environment variable and write env:NAME, or in a file and write file:/path/to/secret");
        }
        if (colon == text.length() - 1) {
            return Validation.invalid("has no key after '" + scheme + ":': write " + scheme + ":NAME");
        }
        return Validation.valid(new SecretRef(scheme, text.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return scheme + ":" + key;
    }
}
