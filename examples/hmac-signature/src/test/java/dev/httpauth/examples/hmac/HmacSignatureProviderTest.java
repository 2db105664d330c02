package dev.httpauth.examples.hmac;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HmacSignatureProviderTest {

    private static final SecretRef SECRET = SecretRef.parse("env:HOOK_SECRET").get();

    private final HmacSignatureProvider provider = new HmacSignatureProvider();

    @Test
    void providerNamesTypeAndRecord() {
        assertThat(provider.typeId()).isEqualTo("hmac-signature");
        assertThat(provider.configurationType()).isEqualTo(HmacSignature.class);
    }

    @Test
    void defaultHeadersAreValid() {
        HmacSignature configuration = HmacSignature.withDefaultHeaders(SECRET);

        Validation<Seq<ConfigProblem>, HmacSignature> result = provider.validate(configuration);

        assertThat(result.isValid()).isTrue();
        assertThat(result.get()).isSameAs(configuration);
    }

    @Test
    void everyBadHeaderIsReported() {
        HmacSignature configuration = new HmacSignature(SECRET, Optional.of("X Signature"), Optional.of("X-Time\n"));

        Validation<Seq<ConfigProblem>, HmacSignature> result = provider.validate(configuration);

        assertThat(result.getError().toJavaList()).extracting(ConfigProblem::path).containsExactly("header", "timestampHeader");
        assertThat(result.getError().get(1).message()).startsWith("'X-TimeU+000A' is not a valid header name");
    }

    @Test
    void sameHeaderTwiceIsReported() {
        HmacSignature configuration = new HmacSignature(SECRET, Optional.of("X-Hook"), Optional.of("x-hook"));

        Validation<Seq<ConfigProblem>, HmacSignature> result = provider.validate(configuration);

        assertThat(result.getError().toJavaList()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("timestampHeader");
            assertThat(problem.message()).contains("'x-hook' is also the signature header");
        });
    }
}
