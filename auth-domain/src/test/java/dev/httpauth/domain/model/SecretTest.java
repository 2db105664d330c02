package dev.httpauth.domain.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest {

    private static final String VALUE = "s3cr3t-value-Zq81";

    @Test
    void toStringHidesValue() {
        Secret secret = Secret.of(VALUE);

        String text = secret.toString();

        assertThat(text).isEqualTo("Secret[redacted]");
        assertThat(text).doesNotContain(VALUE);
    }

    @Test
    void toStringOfEnclosingRecordHidesValue() {
        RequestCredentials.Header header = new RequestCredentials.Header("X-API-Key", Secret.of(VALUE));

        String text = header.toString();

        assertThat(text).doesNotContain(VALUE);
        assertThat(text).contains("X-API-Key");
    }

    @Test
    void fingerprintIsSha256Prefix() {
        Secret secret = Secret.of("abc");

        String fingerprint = secret.fingerprint();

        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2, appendix B.1)
        assertThat(fingerprint).isEqualTo("sha256:ba7816bf");
    }

    @Test
    void fingerprintIsStableAcrossInstances() {
        Secret first = Secret.of(VALUE);
        Secret second = Secret.of(VALUE);

        String firstFingerprint = first.fingerprint();
        String secondFingerprint = second.fingerprint();

        assertThat(firstFingerprint).isEqualTo(secondFingerprint);
        assertThat(firstFingerprint).doesNotContain(VALUE);
    }

    @Test
    void fingerprintDiffersForDifferentValues() {
        Secret first = Secret.of(VALUE);
        Secret second = Secret.of(VALUE + "x");

        String firstFingerprint = first.fingerprint();
        String secondFingerprint = second.fingerprint();

        assertThat(firstFingerprint).isNotEqualTo(secondFingerprint);
    }

    @Test
    void sameValueAsComparesValues() {
        Secret secret = Secret.of(VALUE);

        boolean equalValue = secret.sameValueAs(Secret.of(VALUE));
        boolean otherValue = secret.sameValueAs(Secret.of(VALUE.toUpperCase()));
        boolean prefixOnly = secret.sameValueAs(Secret.of(VALUE.substring(0, 4)));

        assertThat(equalValue).isTrue();
        assertThat(otherValue).isFalse();
        assertThat(prefixOnly).isFalse();
    }

    @Test
    void equalsIsIdentity() {
        Secret secret = Secret.of(VALUE);

        boolean equalsSelf = secret.equals(secret);
        boolean equalsSameValue = secret.equals(Secret.of(VALUE));

        assertThat(equalsSelf).isTrue();
        assertThat(equalsSameValue).isFalse();
    }

    @Test
    void controlCharacterIsDetected() {
        Secret withLineFeed = Secret.of("abc\ndef");
        Secret withDelete = Secret.of("abc\u007F");
        Secret printable = Secret.of("abc def~é");

        assertThat(withLineFeed.containsControlCharacter()).isTrue();
        assertThat(withDelete.containsControlCharacter()).isTrue();
        assertThat(printable.containsControlCharacter()).isFalse();
    }
}
