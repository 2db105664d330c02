package dev.httpauth.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyDigestTest {

    @Test
    void sha256MatchesKnownVector() {
        // FIPS 180-2, appendix B.1: SHA-256("abc").
        BodyDigest digest = BodyDigest.sha256("abc".getBytes(StandardCharsets.US_ASCII));

        assertThat(digest.algorithm()).isEqualTo("SHA-256");
        assertThat(digest.hex()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sha256OfEmptyBodyIsDefined() {
        BodyDigest digest = BodyDigest.sha256(new byte[0]);

        assertThat(digest.hex()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void base64EncodesDigestBytes() {
        BodyDigest digest = BodyDigest.sha256(new byte[0]);

        assertThat(digest.base64()).isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assertThat(digest.bytes()).hasSize(32);
    }

    @Test
    void bytesReturnsNewArrayEachTime() {
        BodyDigest digest = BodyDigest.sha256(new byte[] {1});

        byte[] first = digest.bytes();
        first[0] ^= 1;

        assertThat(digest.bytes()).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ABCD", "abc", "xz"})
    void constructorRejectsMalformedHex(String hex) {
        assertThatThrownBy(() -> new BodyDigest("SHA-256", hex))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + hex + "'");
    }

    @Test
    void constructorRejectsBlankAlgorithm() {
        assertThatThrownBy(() -> new BodyDigest(" ", "00"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("algorithm is blank");
    }
}
