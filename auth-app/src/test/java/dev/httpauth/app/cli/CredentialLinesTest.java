package dev.httpauth.app.cli;

import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialLinesTest {

    @Test
    void authorizationHeaderKeepsSchemeWord() {
        Secret value = Secret.of("Bearer abc.def.ghi");

        String masked = CredentialLines.maskedHeaderValue("authorization", value);

        assertThat(masked).isEqualTo("Bearer **** (" + Secret.of("abc.def.ghi").fingerprint() + ")");
    }

    @Test
    void otherHeaderIsMaskedWhole() {
        Secret value = Secret.of("first-word rest-of-key");

        String masked = CredentialLines.maskedHeaderValue("X-API-Key", value);

        assertThat(masked).isEqualTo("**** (" + value.fingerprint() + ")").doesNotContain("first-word");
    }

    @Test
    void authorizationHeaderWithoutSchemeIsMaskedWhole() {
        Secret value = Secret.of("tokenwithoutscheme");

        String masked = CredentialLines.maskedHeaderValue("Authorization", value);

        assertThat(masked).isEqualTo("**** (" + value.fingerprint() + ")");
    }

    @Test
    void revealedQueryParameterIsPercentEncoded() {
        RequestCredentials credentials = RequestCredentials.queryParameter("api key", Secret.of("a b&c"));

        List<String> lines = CredentialLines.lines(credentials, true);

        assertThat(lines).containsExactly("?api%20key=a%20b%26c");
    }

    @Test
    void headersComeBeforeQueryParameters() {
        RequestCredentials credentials = new RequestCredentials(
                List.of(new RequestCredentials.Header("X-One", Secret.of("1111"))),
                List.of(new RequestCredentials.QueryParameter("two", Secret.of("2222"))));

        List<String> lines = CredentialLines.lines(credentials, false);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("X-One: ****");
        assertThat(lines.get(1)).startsWith("?two=****");
    }
}
