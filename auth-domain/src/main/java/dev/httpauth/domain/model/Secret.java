package dev.httpauth.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A secret value: a password, client secret, API key, access token or a header built from one.
 *
 * <p>{@code toString} never shows the value, and {@code equals} is identity so that collections
 * and assertion messages cannot print it. Call {@link #reveal()} only where the value leaves the
 * process for its intended receiver, or when a user explicitly asks to see it.
 */
public final class Secret {

    private static final HexFormat HEX = HexFormat.of();

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps {@code value}, which must not be null. */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** Returns the value itself. */
    public String reveal() {
        return value;
    }

    /** The number of UTF-16 chars in the value. */
    public int length() {
        return value.length();
    }

    /** Tells whether the value contains an ASCII control character (U+0000–U+001F or U+007F). */
    public boolean containsControlCharacter() {
        return Text.containsControlCharacter(value);
    }

    /**
     * Compares the values in time that does not depend on where they differ, so that a
     * comparison reveals nothing through timing.
     */
    public boolean sameValueAs(Secret other) {
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8),
                other.value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A short, stable label for the value: {@code sha256:} and the first 8 hex digits of the
     * SHA-256 of its UTF-8 bytes. It distinguishes two values in logs without exposing either.
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HEX.formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must support SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
