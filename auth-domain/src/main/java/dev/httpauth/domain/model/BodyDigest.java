package dev.httpauth.domain.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A digest of a request body, so that an auth method can sign a body that it never receives.
 *
 * @param algorithm the {@link MessageDigest} algorithm name, such as {@code SHA-256}
 * @param hex the digest as lower-case hexadecimal digits
 */
public record BodyDigest(String algorithm, String hex) {

    /** The algorithm of {@link #sha256(byte[])}. */
    public static final String SHA_256 = "SHA-256";

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern LOWER_CASE_HEX = Pattern.compile("([0-9a-f]{2})+");

    public BodyDigest {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        if (algorithm.isBlank()) {
            throw new IllegalArgumentException("The digest algorithm is blank: name a MessageDigest algorithm such as SHA-256");
        }
        if (!LOWER_CASE_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("The digest '" + hex + "' is not an even number of lower-case hexadecimal digits");
        }
    }

    /** Computes the SHA-256 digest of {@code body}; an empty array has a digest too. */
    public static BodyDigest sha256(byte[] body) {
        Objects.requireNonNull(body, "body");
        try {
            return new BodyDigest(SHA_256, HEX.formatHex(MessageDigest.getInstance(SHA_256).digest(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must support SHA-256", e);
        }
    }

    /** Returns a new array with the digest bytes. */
    public byte[] bytes() {
        return HEX.parseHex(hex);
    }

    /** Returns the digest in standard Base64 with padding, the encoding of RFC 9530 {@code Content-Digest} header values. */
    public String base64() {
        return Base64.getEncoder().encodeToString(bytes());
    }
}
