package dev.httpauth.domain.service;

import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BasicCredentialsTest {

    @Test
    void rfcExampleGivesRfcHeaderValue() {
        Secret password = Secret.of("open sesame");

        Secret header = BasicCredentials.headerValue("Aladdin", password);

        // RFC 7617 §2 example
        assertThat(header.reveal()).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void nonAsciiPasswordIsEncodedAsUtf8() {
        Secret password = Secret.of("123£");

        Secret header = BasicCredentials.headerValue("test", password);

        // RFC 7617 §2.1 example: "test:123£" with '£' encoded as UTF-8 C2 A3
        assertThat(header.reveal()).isEqualTo("Basic dGVzdDoxMjPCow==");
    }

    @Test
    void headerValueHidesPasswordInToString() {
        Secret password = Secret.of("open sesame");

        Secret header = BasicCredentials.headerValue("Aladdin", password);

        assertThat(header.toString()).doesNotContain("open sesame").doesNotContain("QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }
}
