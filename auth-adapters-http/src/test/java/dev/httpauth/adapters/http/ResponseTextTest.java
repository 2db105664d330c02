package dev.httpauth.adapters.http;

import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseTextTest {

    private static final Secret SECRET = Secret.of("s3cret value+");

    private static String excerpt(String body) {
        return ResponseText.excerpt(body.getBytes(StandardCharsets.UTF_8), SECRET);
    }

    @Test
    void excerptRedactsSecretAsSentAndFormEncoded() {
        String result = excerpt("got s3cret value+ and s3cret+value%2B");

        assertThat(result).isEqualTo("got [redacted] and [redacted]");
    }

    @Test
    void excerptRedactsEchoedBasicCredentials() {
        String basic = Base64.getEncoder().encodeToString("client:s3cret+value%2B".getBytes(StandardCharsets.UTF_8));

        String result = excerpt("auth=Basic " + basic + " body=grant_type=client_credentials");

        assertThat(result).isEqualTo("auth=Basic [redacted] body=grant_type=client_credentials");
    }

    @Test
    void excerptKeepsBase64WordsWithoutSecret() {
        String unrelated = Base64.getEncoder().encodeToString("client:other".getBytes(StandardCharsets.UTF_8));

        String result = excerpt("auth=Basic " + unrelated);

        assertThat(result).isEqualTo("auth=Basic " + unrelated);
    }

    @Test
    void shortSecretWithholdsWholeText() {
        Secret shortSecret = Secret.of("e");

        String result = ResponseText.field("invalid_client: bad secret e", shortSecret);

        assertThat(result).isEqualTo(ResponseText.WITHHELD);
    }

    @Test
    void shortSecretAbsentKeepsText() {
        String result = ResponseText.field("invalid_client", Secret.of("xyz"));

        assertThat(result).isEqualTo("invalid_client");
    }

    @Test
    void redactionIsNotSearchedAgain() {
        Secret secret = Secret.of("redact");

        String result = ResponseText.field("x redact y redacted", secret);

        assertThat(result).isEqualTo("x [redacted] y [redacted]ed");
    }

    @Test
    void excerptRedactsTokenValues() {
        String result = excerpt("{\"access_token\": \"abc.def\", \"refresh_token\":\"r1\"} id_token=xyz&x=1");

        assertThat(result).isEqualTo("{\"access_token\": \"[redacted]\", \"refresh_token\":\"[redacted]\"} id_token=[redacted]&x=1");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"accessToken\":\"LEAK-camel\",\"token_type\":\"Bearer\"}",
            "{\"token\":\"LEAK-plain\"}",
            "{\"access\\u005ftoken\":\"LEAK-escaped-name\"}",
            "{\"access_token\":[\"LEAK-in-list\"]}",
            "{\"data\":{\"id-token\":\"LEAK-nested\"}}",
            "{\"access_token\":\"LEAK with space\"}",
            "{\"access_token\":\"LEAK\\\"quote\"}",
            "{\"access_token\":\"LEAK-cut-off-json",
            "accessToken=LEAK-form&x=1",
            "access_token: [\"LEAK-list-in-text\"] trailing",
            "{\"message\":\"upstream said refresh_token=LEAK-in-value id_token=LEAK-too\"}",
            "{\"details\":\"Bearer LEAK.jwt.value\"}",
            "<html><body>access_token <b>LEAK-behind-tag</b></body></html>",
            "access_token=<b>LEAK-in-tag</b>"
    })
    void excerptRedactsCredentialFields(String body) {
        String result = excerpt(body);

        assertThat(result).doesNotContain("LEAK").contains("[redacted]");
    }

    @Test
    void excerptKeepsTokenType() {
        String result = excerpt("{\"access_token\":\"abc\",\"token_type\":\"Bearer\",\"expires_in\":3600}");

        assertThat(result).isEqualTo("{\"access_token\":\"[redacted]\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    @Test
    void excerptCollapsesControlCharactersAndWhitespace() {
        String result = excerpt("line one\r\n\tline\u0000two   three");

        assertThat(result).isEqualTo("line one line two three");
    }

    @Test
    void excerptIsCutAtLimitWithEllipsis() {
        String result = excerpt("a".repeat(500));

        assertThat(result).hasSize(ResponseText.EXCERPT_LENGTH + 1).endsWith("…");
    }

    @Test
    void excerptRedactsBeforeCutting() {
        String body = "x".repeat(ResponseText.EXCERPT_LENGTH - 5) + " s3cret value+";

        String result = excerpt(body);

        assertThat(result).doesNotContain("s3cr").endsWith("[red…");
    }

    @Test
    void excerptOfEmptyBodyIsEmpty() {
        assertThat(excerpt("")).isEmpty();
    }

    @Test
    void fieldKeepsTextButRemovesLineBreaks() {
        String result = ResponseText.field("bad\nrequest: s3cret value+", SECRET);

        assertThat(result).isEqualTo("bad request: [redacted]");
    }
}
