package dev.httpauth.domain.model;

import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretRefTest {

    @ParameterizedTest
    @CsvSource({
            "env:CRM_SECRET, env, CRM_SECRET",
            "file:/run/secrets/crm, file, /run/secrets/crm",
            "vault:crm/client-secret, vault, crm/client-secret",
            "memory:key:with:colons, memory, key:with:colons",
            "x-store.v2+alt:k, x-store.v2+alt, k"
    })
    void parseSplitsSchemeAndKey(String text, String scheme, String key) {
        Validation<String, SecretRef> parsed = SecretRef.parse(text);

        assertThat(parsed.isValid()).as("valid: %s", parsed).isTrue();
        assertThat(parsed.get().scheme()).isEqualTo(scheme);
        assertThat(parsed.get().key()).isEqualTo(key);
        assertThat(parsed.get().toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2-Pa55word", "Sup3r:Secret", "1abc:def", "ghp_R4nd0mT0k3nValue", ":leading-colon"})
    void parseRejectsLiteralSecretWithoutRepeatingIt(String literal) {
        Validation<String, SecretRef> parsed = SecretRef.parse(literal);

        assertThat(parsed.isInvalid()).isTrue();
        assertThat(parsed.getError()).doesNotContain(literal);
        assertThat(parsed.getError()).contains("literal secret").contains("env:NAME").contains("file:/path/to/secret");
    }

    @Test
    void parseRejectsSchemeWithoutKey() {
        Validation<String, SecretRef> parsed = SecretRef.parse("env:");

        assertThat(parsed.isInvalid()).isTrue();
        assertThat(parsed.getError()).contains("no key").contains("env:NAME");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void parseRejectsMissingRef(String text) {
        Validation<String, SecretRef> parsed = SecretRef.parse(text);

        assertThat(parsed.isInvalid()).isTrue();
        assertThat(parsed.getError()).contains("missing");
    }

    @Test
    void constructorRejectsUpperCaseScheme() {
        assertThatThrownBy(() -> new SecretRef("Env", "X"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Env'");
    }

    @Test
    void constructorRejectsEmptyKey() {
        assertThatThrownBy(() -> new SecretRef("env", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Empty key");
    }
}
