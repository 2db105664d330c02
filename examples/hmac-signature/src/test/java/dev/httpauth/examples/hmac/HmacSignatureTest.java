package dev.httpauth.examples.hmac;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthorizationContext;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HmacSignatureTest {

    private static final String KEY = "whsec-example-key-0123456789abcdef";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_736_935_200L), ZoneOffset.UTC);
    private static final SecretRef SECRET = SecretRef.parse("env:HOOK_SECRET").get();
    private static final OutgoingRequest PAID_ORDER = OutgoingRequest
            .of("POST", URI.create("https://hooks.example.com/hooks/orders?tenant=acme&x=a%20b"))
            .withBody("{\"id\":1,\"event\":\"order.paid\"}".getBytes(StandardCharsets.UTF_8));

    private static AuthorizationContext context(OutgoingRequest request, String key) {
        return new AuthorizationContext("hooks", request, Map.of("secret", Secret.of(key)), CLOCK);
    }

    private static Map<String, String> headers(Either<AuthError, RequestCredentials> result) {
        return result.get().headers().stream()
                .collect(java.util.stream.Collectors.toMap(RequestCredentials.Header::name, header -> header.value().reveal()));
    }

    /** The expected HMACs were computed with Python's hmac module over the same signed text. */
    @Test
    void signatureMatchesIndependentComputation() {
        Either<AuthError, RequestCredentials> result = HmacSignature.withDefaultHeaders(SECRET).authorize(context(PAID_ORDER, KEY));

        assertThat(headers(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "X-Signature", "t=1736935200,v1=1c5c8fadc14b5bc8fb4772f0a152cb68469f432ef9ecf42287dea7387527adfd",
                "X-Signature-Timestamp", "1736935200"));
    }

    @Test
    void requestWithoutBodySignsEmptyBodyDigest() {
        OutgoingRequest get = OutgoingRequest.of("GET", URI.create("https://hooks.example.com"));

        Either<AuthError, RequestCredentials> result = HmacSignature.withDefaultHeaders(SECRET).authorize(context(get, KEY));

        assertThat(headers(result).get("X-Signature"))
                .isEqualTo("t=1736935200,v1=70afd4bffcd42f2e7100ffda0bfb4cafc7d066964b03d2961b25c670b7894c79");
    }

    @Test
    void signedTextHasFourLines() {
        String text = HmacSignature.signedText(1_736_935_200L, PAID_ORDER);

        assertThat(text.split("\n")).containsExactly(
                "1736935200",
                "POST",
                "/hooks/orders?tenant=acme&x=a%20b",
                "9e31f95a3163955e8284fec9019652701255804c49cbdb418da0388332ef76eb");
    }

    @Test
    void configuredHeaderNamesAreUsed() {
        HmacSignature method = new HmacSignature(SECRET, Optional.of("Webhook-Signature"), Optional.of("Webhook-Timestamp"));

        Either<AuthError, RequestCredentials> result = method.authorize(context(PAID_ORDER, KEY));

        assertThat(headers(result)).containsOnlyKeys("Webhook-Signature", "Webhook-Timestamp");
    }

    @Test
    void emptySecretIsConfigurationError() {
        Either<AuthError, RequestCredentials> result = HmacSignature.withDefaultHeaders(SECRET).authorize(context(PAID_ORDER, ""));

        assertThat(result.getLeft()).isInstanceOfSatisfying(AuthError.InvalidConfiguration.class, invalid ->
                assertThat(invalid.problems()).extracting(ConfigProblem::path).containsExactly("connections.hooks.auth.secret"));
        assertThat(result.getLeft().message()).contains("the secret env:HOOK_SECRET is empty");
    }

    @Test
    void declaresOnlyItsSecretRef() {
        assertThat(HmacSignature.withDefaultHeaders(SECRET).secretRefs()).containsExactly(Map.entry("secret", SECRET));
    }
}
