package dev.httpauth.app.cli;

import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SentCredentialsTest {

    @Test
    void longValueIsMaskedEverywhere() {
        SentCredentials sent = SentCredentials.of(RequestCredentials.header("X-API-Key", Secret.of("k3y-value")));

        String masked = sent.mask("key=k3y-value, again k3y-value.");

        assertThat(masked).isEqualTo("key=****, again ****.");
    }

    @Test
    void sixCharacterValueIsMasked() {
        SentCredentials sent = SentCredentials.of(RequestCredentials.header("X-API-Key", Secret.of("abcdef")));

        assertThat(sent.masked("xabcdefx")).contains("x****x");
    }

    @Test
    void shortValueWithholdsTextInsteadOfGarbling() {
        SentCredentials sent = SentCredentials.of(RequestCredentials.header("X-API-Key", Secret.of("l")));

        assertThat(sent.masked("hello")).isEmpty();
        assertThat(sent.mask("hello")).isEqualTo(SentCredentials.WITHHELD);
    }

    @Test
    void shortValueLeavesOtherTextAlone() {
        SentCredentials sent = SentCredentials.of(RequestCredentials.header("X-API-Key", Secret.of("abcde")));

        assertThat(sent.masked("hello world")).contains("hello world");
    }

    @Test
    void wholeHeaderValueIsMaskedBeforeShortPart() {
        SentCredentials sent = SentCredentials.of(RequestCredentials.header("Authorization", Secret.of("Token ab")));

        assertThat(sent.masked("echo: Token ab")).contains("echo: ****");
        assertThat(sent.masked("echo: Token ab, then ab")).isEmpty();
    }

    @Test
    void basicPasswordIsMaskedDecoded() {
        String encoded = Base64.getEncoder().encodeToString("alice:wonder-land".getBytes(StandardCharsets.UTF_8));
        SentCredentials sent = SentCredentials.of(RequestCredentials.header("Authorization", Secret.of("Basic " + encoded)));

        String masked = sent.mask("user alice, password wonder-land, pair alice:wonder-land, header " + encoded);

        assertThat(masked).isEqualTo("user alice, password ****, pair ****, header ****");
    }

    @Test
    void queryValueIsMaskedRawAndEncoded() {
        SentCredentials sent = SentCredentials.of(new RequestCredentials(List.of(),
                List.of(new RequestCredentials.QueryParameter("key", Secret.of("a b&c=d")))));

        String masked = sent.mask("raw a b&c=d, encoded a%20b%26c%3Dd");

        assertThat(masked).isEqualTo("raw ****, encoded ****");
    }

    @Test
    void maskIsNotSearchedAgain() {
        SentCredentials sent = SentCredentials.of(new RequestCredentials(
                List.of(new RequestCredentials.Header("X-One", Secret.of("secret-one"))),
                List.of(new RequestCredentials.QueryParameter("two", Secret.of("**")))));

        assertThat(sent.mask("secret-one")).isEqualTo("****");
    }
}
