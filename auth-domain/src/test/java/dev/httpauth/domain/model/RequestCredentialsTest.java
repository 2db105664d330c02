package dev.httpauth.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCredentialsTest {

    private static RequestCredentials apiKeyParameter(String value) {
        return RequestCredentials.queryParameter("api_key", Secret.of(value));
    }

    @Test
    void applyToKeepsQueryAndFragment() {
        URI uri = URI.create("https://h/p?a=1&b=%20x#frag");
        RequestCredentials credentials = apiKeyParameter("k y&=/é");

        URI authorized = credentials.applyTo(uri);

        assertThat(authorized.toString()).isEqualTo("https://h/p?a=1&b=%20x&api_key=k%20y%26%3D%2F%C3%A9#frag");
    }

    @ParameterizedTest
    @CsvSource({
            "https://h/p, https://h/p?api_key=v",
            "https://h/p#frag, https://h/p?api_key=v#frag",
            "https://h/p?, https://h/p?api_key=v",
            "https://h:8443/p/q?x=%2B#a?b, https://h:8443/p/q?x=%2B&api_key=v#a?b",
            "https://h, https://h?api_key=v"
    })
    void applyToHandlesUriShapes(String original, String expected) {
        RequestCredentials credentials = apiKeyParameter("v");

        URI authorized = credentials.applyTo(URI.create(original));

        assertThat(authorized.toString()).isEqualTo(expected);
    }

    @Test
    void applyToEncodesPlusAndSpaceDistinctly() {
        RequestCredentials credentials = apiKeyParameter("a+b c");

        URI authorized = credentials.applyTo(URI.create("https://h/p"));

        assertThat(authorized.getRawQuery()).isEqualTo("api_key=a%2Bb%20c");
        assertThat(authorized.getQuery()).isEqualTo("api_key=a+b c");
    }

    @Test
    void applyToEncodesParameterName() {
        RequestCredentials credentials = RequestCredentials.queryParameter("key name&x", Secret.of("v"));

        URI authorized = credentials.applyTo(URI.create("https://h/p"));

        assertThat(authorized.getRawQuery()).isEqualTo("key%20name%26x=v");
    }

    @Test
    void applyToAppendsEveryParameterInOrder() {
        RequestCredentials credentials = new RequestCredentials(
                List.of(),
                List.of(new RequestCredentials.QueryParameter("key", Secret.of("1")),
                        new RequestCredentials.QueryParameter("sig", Secret.of("2"))));

        URI authorized = credentials.applyTo(URI.create("https://h/p?a=1"));

        assertThat(authorized.toString()).isEqualTo("https://h/p?a=1&key=1&sig=2");
    }

    @Test
    void applyToWithoutParametersReturnsSameUri() {
        URI uri = URI.create("https://h/p?a=%20#frag");
        RequestCredentials credentials = RequestCredentials.header("Authorization", Secret.of("Basic x"));

        URI authorized = credentials.applyTo(uri);

        assertThat(authorized).isSameAs(uri);
    }
}
