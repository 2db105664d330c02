package dev.httpauth.domain.model;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutgoingRequestTest {

    private static final URI ORDERS = URI.create("https://api.example.com/orders");

    @Test
    void requestWithoutBodyHasNoDigest() {
        OutgoingRequest request = new OutgoingRequest("GET", ORDERS, Map.of("Accept", List.of("application/json")));

        assertThat(request.bodyDigest()).isEmpty();
    }

    @Test
    void withBodyAddsSha256AndKeepsTheRest() {
        OutgoingRequest request = new OutgoingRequest("POST", ORDERS, Map.of("Accept", List.of("application/json")));
        byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);

        OutgoingRequest withBody = request.withBody(body);

        assertThat(withBody.bodyDigest()).contains(BodyDigest.sha256(body));
        assertThat(withBody.method()).isEqualTo("POST");
        assertThat(withBody.uri()).isEqualTo(ORDERS);
        assertThat(withBody.headers()).isEqualTo(request.headers());
    }

    @Test
    void nullDigestMeansNoBody() {
        OutgoingRequest request = new OutgoingRequest("GET", ORDERS, null, null);

        assertThat(request.bodyDigest()).isEmpty();
        assertThat(request.headers()).isEmpty();
    }
}
