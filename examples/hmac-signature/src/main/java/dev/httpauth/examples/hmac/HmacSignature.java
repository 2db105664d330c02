package dev.httpauth.examples.hmac;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthorizationContext;
import dev.httpauth.domain.model.BodyDigest;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Either;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs each request with HMAC-SHA256 (RFC 2104), as webhook-style APIs require. The request gets
 * two headers:
 *
 * <pre>
 * X-Signature: t=1736935200,v1=&lt;hex HMAC-SHA256&gt;
 * X-Signature-Timestamp: 1736935200
 * </pre>
 *
 * <p>The HMAC key is the UTF-8 bytes of the secret. The signed text is four lines joined by
 * {@code \n}: the timestamp in Unix seconds, the HTTP method, the raw path with {@code ?} and the
 * raw query if there is one, and the lower-case hex SHA-256 of the body (of no bytes when the
 * request has no body). A receiver recomputes the HMAC, compares it in constant time and rejects a
 * timestamp too far from its own clock, which stops a captured request from being replayed later.
 *
 * @param secret where the signing key is stored
 * @param header the header that carries the signature; {@value #DEFAULT_HEADER} when absent
 * @param timestampHeader the header that carries the timestamp; {@value #DEFAULT_TIMESTAMP_HEADER} when absent
 */
public record HmacSignature(SecretRef secret, Optional<String> header, Optional<String> timestampHeader) implements CustomAuthMethod {

    public static final String TYPE_ID = "hmac-signature";
    public static final String DEFAULT_HEADER = "X-Signature";
    public static final String DEFAULT_TIMESTAMP_HEADER = "X-Signature-Timestamp";

    /** The field of the secret ref, as the connections file names it. */
    static final String SECRET_FIELD = "secret";

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    public HmacSignature {
        Objects.requireNonNull(secret, SECRET_FIELD);
        header = header == null ? Optional.empty() : header;
        timestampHeader = timestampHeader == null ? Optional.empty() : timestampHeader;
    }

    /** Creates a configuration with the default header names. */
    public static HmacSignature withDefaultHeaders(SecretRef secret) {
        return new HmacSignature(secret, Optional.empty(), Optional.empty());
    }

    @Override
    public String typeId() {
        return TYPE_ID;
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of(SECRET_FIELD, secret);
    }

    /** Returns the name of the signature header. */
    public String signatureHeaderName() {
        return header.orElse(DEFAULT_HEADER);
    }

    /** Returns the name of the timestamp header. */
    public String timestampHeaderName() {
        return timestampHeader.orElse(DEFAULT_TIMESTAMP_HEADER);
    }

    /**
     * Signs the request of {@code context} at the current time of the context's clock.
     *
     * @return the signature and timestamp headers, or an invalid configuration when the secret is
     *     empty, because HMAC needs a key of at least one byte
     */
    @Override
    public Either<AuthError, RequestCredentials> authorize(AuthorizationContext context) {
        Secret key = context.secret(SECRET_FIELD);
        if (key.length() == 0) {
            return Either.left(context.invalidConfiguration(SECRET_FIELD,
                    "the secret " + secret + " is empty: store the signing key that the receiving service issued"));
        }
        long timestamp = context.clock().instant().getEpochSecond();
        String signature = hmacHex(key, signedText(timestamp, context.request()));

        return Either.right(new RequestCredentials(List.of(
                new RequestCredentials.Header(signatureHeaderName(), Secret.of("t=" + timestamp + ",v1=" + signature)),
                new RequestCredentials.Header(timestampHeaderName(), Secret.of(Long.toString(timestamp)))),
                List.of()));
    }

    /** Returns the text that is signed: timestamp, method, path with query, and body digest, one per line. */
    static String signedText(long timestamp, OutgoingRequest request) {
        String bodySha256 = request.bodyDigest().orElseGet(() -> BodyDigest.sha256(new byte[0])).hex();
        return timestamp + "\n" + request.method() + "\n" + pathAndQuery(request.uri()) + "\n" + bodySha256;
    }

    private static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String hmacHex(Secret key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must support " + HMAC_SHA256, e);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A non-empty key is a valid " + HMAC_SHA256 + " key", e);
        }
    }
}
