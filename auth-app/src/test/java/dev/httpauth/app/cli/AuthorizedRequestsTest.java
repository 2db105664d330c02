package dev.httpauth.app.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizedRequestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com/", "HTTP://10.0.0.1/", "http://192.168.1.1:8080/x"})
    void plainHttpToRemoteHostIsDetected(String uri) {
        assertThat(AuthorizedRequests.isPlainHttpToRemoteHost(URI.create(uri))).isTrue();
        assertThat(AuthorizedRequests.transportProblem("crm", URI.create(uri), false)).isPresent();
        assertThat(AuthorizedRequests.transportProblem("crm", URI.create(uri), true)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/", "http://127.0.0.1:8080/", "http://localhost/", "http://[::1]:9/"})
    void httpsAndLoopbackAreAccepted(String uri) {
        assertThat(AuthorizedRequests.isPlainHttpToRemoteHost(URI.create(uri))).isFalse();
        assertThat(AuthorizedRequests.transportProblem("crm", URI.create(uri), false)).isEmpty();
    }
}
