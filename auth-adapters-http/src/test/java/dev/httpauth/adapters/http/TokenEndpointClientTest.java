package dev.httpauth.adapters.http;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The client against a JDK HTTP server on loopback that sends scripted responses. */
class TokenEndpointClientTest {

    private static final String CLIENT_ID = "client:id+1 é";
    private static final String CLIENT_SECRET = "se:cr+et wörd";
    /** CLIENT_ID and CLIENT_SECRET form-urlencoded with UTF-8, written out by hand. */
    private static final String ENCODED_CLIENT_ID = "client%3Aid%2B1+%C3%A9";
    private static final String ENCODED_CLIENT_SECRET = "se%3Acr%2Bet+w%C3%B6rd";
    private static final String BEARER_RESPONSE = """
            {"access_token":"eyJ.token.value","token_type":"Bearer","expires_in":3600,"scope":"orders.read orders.write"}""";

    private final TokenEndpointClient client = new TokenEndpointClient(TokenEndpointSettings.defaults());

    private static TokenRequest request(URI endpoint, ClientAuthentication authentication, List<String> scopes) {
        return new TokenRequest(endpoint, CLIENT_ID, Secret.of(CLIENT_SECRET), scopes, authentication, Optional.empty(), Optional.empty());
    }

    private static TokenRequest basicRequest(URI endpoint) {
        return request(endpoint, ClientAuthentication.CLIENT_SECRET_BASIC, List.of("orders.read"));
    }

    private Either<AuthError, TokenGrant> requestFrom(StubTokenServer server) {
        return client.requestToken(basicRequest(server.tokenEndpoint()));
    }

    /** Creates a client whose HttpClient sends every request to {@code proxy}, a stub on 127.0.0.1. */
    private static TokenEndpointClient throughProxy(StubTokenServer proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())));
        return new TokenEndpointClient(TokenEndpointSettings.defaults(), builder, Clock.systemUTC());
    }

    @Nested
    class SentRequest {

        @Test
        void clientSecretBasicEncodesCredentialsInHeader() {
            try (StubTokenServer server = StubTokenServer.respondingJson(BEARER_RESPONSE)) {
                client.requestToken(request(server.tokenEndpoint(), ClientAuthentication.CLIENT_SECRET_BASIC, List.of("orders.read", "orders.write")));

                StubTokenServer.RecordedRequest sent = server.lastRequest();
                String expectedCredentials = Base64.getEncoder().encodeToString(
                        (ENCODED_CLIENT_ID + ":" + ENCODED_CLIENT_SECRET).getBytes(StandardCharsets.US_ASCII));
                assertThat(sent.method()).isEqualTo("POST");
                assertThat(sent.path()).isEqualTo("/oauth2/token");
                assertThat(sent.headers().getFirst("Authorization")).isEqualTo("Basic " + expectedCredentials);
                assertThat(sent.headers().getFirst("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
                assertThat(sent.headers().getFirst("Accept")).isEqualTo("application/json");
                assertThat(sent.body()).isEqualTo("grant_type=client_credentials&scope=orders.read+orders.write");
            }
        }

        @Test
        void clientSecretPostPutsCredentialsInBody() {
            try (StubTokenServer server = StubTokenServer.respondingJson(BEARER_RESPONSE)) {
                client.requestToken(request(server.tokenEndpoint(), ClientAuthentication.CLIENT_SECRET_POST, List.of("orders.read")));

                StubTokenServer.RecordedRequest sent = server.lastRequest();
                assertThat(sent.headers().containsKey("Authorization")).isFalse();
                assertThat(sent.body()).isEqualTo("grant_type=client_credentials&scope=orders.read"
                        + "&client_id=" + ENCODED_CLIENT_ID + "&client_secret=" + ENCODED_CLIENT_SECRET);
            }
        }

        @Test
        void emptyScopesAreOmittedAndAudienceResourceSent() {
            try (StubTokenServer server = StubTokenServer.respondingJson(BEARER_RESPONSE)) {
                TokenRequest request = new TokenRequest(server.tokenEndpoint(), CLIENT_ID, Secret.of(CLIENT_SECRET), List.of(),
                        ClientAuthentication.CLIENT_SECRET_BASIC, Optional.of("https://api.example.com"), Optional.of("https://api.example.com/orders"));

                client.requestToken(request);

                assertThat(server.lastRequest().body()).isEqualTo(
                        "grant_type=client_credentials&audience=https%3A%2F%2Fapi.example.com&resource=https%3A%2F%2Fapi.example.com%2Forders");
            }
        }
    }

    @Nested
    class SuccessfulResponse {

        @Test
        void bearerResponseBecomesGrant() {
            try (StubTokenServer server = StubTokenServer.respondingJson(BEARER_RESPONSE)) {
                TokenGrant grant = requestFrom(server).get();

                assertThat(grant.accessToken().reveal()).isEqualTo("eyJ.token.value");
                assertThat(grant.tokenType()).isEqualTo("Bearer");
                assertThat(grant.expiresIn()).contains(Duration.ofHours(1));
                assertThat(grant.scopes()).contains(List.of("orders.read", "orders.write"));
            }
        }

        @Test
        void numericStringExpiresInIsAccepted() {
            try (StubTokenServer server = StubTokenServer.respondingJson("""
                    {"access_token":"abc","token_type":"Bearer","expires_in":"3599"}""")) {
                TokenGrant grant = requestFrom(server).get();

                assertThat(grant.expiresIn()).contains(Duration.ofSeconds(3599));
            }
        }

        @Test
        void missingExpiresInAndScopeAreEmpty() {
            try (StubTokenServer server = StubTokenServer.respondingJson("""
                    {"access_token":"abc","token_type":"Bearer"}""")) {
                TokenGrant grant = requestFrom(server).get();

                assertThat(grant.expiresIn()).isEmpty();
                assertThat(grant.scopes()).isEmpty();
            }
        }

        @Test
        void lowercaseBearerIsAccepted() {
            try (StubTokenServer server = StubTokenServer.respondingJson("""
                    {"access_token":"abc","token_type":"bearer","expires_in":60}""")) {
                TokenGrant grant = requestFrom(server).get();

                assertThat(grant.tokenType()).isEqualTo("Bearer");
            }
        }

        @Test
        void scopeArrayIsAccepted() {
            try (StubTokenServer server = StubTokenServer.respondingJson("""
                    {"access_token":"abc","token_type":"Bearer","scope":["a","b"]}""")) {
                TokenGrant grant = requestFrom(server).get();

                assertThat(grant.scopes()).contains(List.of("a", "b"));
            }
        }
    }

    @Nested
    class UnusableSuccessResponse {

        @Test
        void macTokenTypeIsUnsupported() {
            try (StubTokenServer server = StubTokenServer.respondingJson("""
                    {"access_token":"abc","token_type":"mac","expires_in":60}""")) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.UnsupportedTokenType.class,
                        unsupported -> assertThat(unsupported.tokenType()).isEqualTo("mac"));
            }
        }

        @Test
        void missingTokenTypeIsMalformed() {
            try (StubTokenServer server = StubTokenServer.respondingJson("""
                    {"access_token":"tok-5ecret-value","expires_in":60}""")) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class, malformed -> {
                    assertThat(malformed.reason()).contains("token_type");
                    assertThat(malformed.excerpt()).contains("access_token").doesNotContain("tok-5ecret-value");
                });
                assertThat(error.message()).doesNotContain("tok-5ecret-value");
            }
        }

        @Test
        void missingAccessTokenIsMalformed() {
            try (StubTokenServer server = StubTokenServer.respondingJson("""
                    {"token_type":"Bearer"}""")) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class,
                        malformed -> assertThat(malformed.reason()).isEqualTo("the response has no access_token"));
            }
        }

        @Test
        void unsendableAccessTokenIsMalformed() {
            for (String token : List.of("abc def", "abc\\r\\nX-Injected: 1", "abc\\u0000")) {
                try (StubTokenServer server = StubTokenServer.respondingJson(
                        "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\"}")) {
                    AuthError error = requestFrom(server).getLeft();

                    assertThat(error).as("token %s", token).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class,
                            malformed -> assertThat(malformed.reason()).contains("cannot be sent in an Authorization header"));
                }
            }
        }

        @Test
        void negativeExpiresInIsMalformed() {
            try (StubTokenServer server = StubTokenServer.respondingJson("""
                    {"access_token":"abc","token_type":"Bearer","expires_in":-5}""")) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class,
                        malformed -> assertThat(malformed.reason()).isEqualTo("expires_in -5 is negative"));
            }
        }

        @Test
        void nonNumericExpiresInIsMalformed() {
            try (StubTokenServer server = StubTokenServer.respondingJson("""
                    {"access_token":"abc","token_type":"Bearer","expires_in":"one hour"}""")) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class,
                        malformed -> assertThat(malformed.reason()).isEqualTo("expires_in 'one hour' is not a number of seconds"));
            }
        }

        @Test
        void successStatusWithHtmlBodyIsMalformed() {
            try (StubTokenServer server = StubTokenServer.responding(200, "text/html", "<html><body>Sign in</body></html>", Map.of())) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class, malformed -> {
                    assertThat(malformed.status()).isEqualTo(200);
                    assertThat(malformed.excerpt()).isEqualTo("Sign in");
                });
            }
        }
    }

    @Nested
    class ErrorResponse {

        @Test
        void rfc6749ErrorBecomesRejection() {
            try (StubTokenServer server = StubTokenServer.responding(400, "application/json", """
                    {"error":"invalid_scope","error_description":"scope orders.admin is not allowed","error_uri":"https://login.example.com/errors/scope"}""",
                    Map.of())) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.TokenRequestRejected.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(400);
                    assertThat(rejected.error()).isEqualTo("invalid_scope");
                    assertThat(rejected.description()).contains("scope orders.admin is not allowed");
                    assertThat(rejected.errorUri()).contains("https://login.example.com/errors/scope");
                });
            }
        }

        @Test
        void errorObjectOnOtherStatusBecomesRejection() {
            try (StubTokenServer server = StubTokenServer.responding(503, "application/json", """
                    {"error":"temporarily_unavailable"}""", Map.of())) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.TokenRequestRejected.class, rejected -> {
                    assertThat(rejected.status()).isEqualTo(503);
                    assertThat(rejected.error()).isEqualTo("temporarily_unavailable");
                    assertThat(rejected.description()).isEmpty();
                });
            }
        }

        @Test
        void echoedSecretIsRedactedFromDescription() {
            String body = "{\"error\":\"invalid_client\",\"error_description\":\"secret '" + CLIENT_SECRET + "' (" + ENCODED_CLIENT_SECRET + ") is wrong\"}";
            try (StubTokenServer server = StubTokenServer.responding(401, "application/json", body, Map.of())) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.TokenRequestRejected.class,
                        rejected -> assertThat(rejected.description()).contains("secret '[redacted]' ([redacted]) is wrong"));
                assertThat(error.message()).doesNotContain(CLIENT_SECRET).doesNotContain(ENCODED_CLIENT_SECRET);
                assertThat(error.toString()).doesNotContain(CLIENT_SECRET).doesNotContain(ENCODED_CLIENT_SECRET);
            }
        }

        @Test
        void htmlErrorPageIsMalformedWithShortExcerpt() {
            String page = """
                    <!DOCTYPE html>
                    <html><head><title>502 Bad Gateway</title><style>body { color: red; }</style>
                    <script>var leaked = "%s";</script></head>
                    <body>
                      <h1>Bad Gateway</h1>
                      <!-- upstream: token-service -->
                      <p>The proxy received an invalid response from an upstream server while handling the request
                      for client %s. Please try again later or contact the administrator of this site.</p>
                    </body></html>
                    """.formatted(CLIENT_SECRET, CLIENT_SECRET);
            try (StubTokenServer server = StubTokenServer.responding(502, "text/html; charset=utf-8", page, Map.of())) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class, malformed -> {
                    assertThat(malformed.status()).isEqualTo(502);
                    assertThat(malformed.contentType()).isEqualTo("text/html; charset=utf-8");
                    assertThat(malformed.excerpt()).startsWith("502 Bad Gateway Bad Gateway The proxy received");
                    assertThat(malformed.excerpt()).doesNotContain("<").doesNotContain("color").doesNotContain("upstream: token-service");
                    assertThat(malformed.excerpt().length()).isLessThanOrEqualTo(ResponseText.EXCERPT_LENGTH + 1);
                });
                assertThat(error.message()).doesNotContain(CLIENT_SECRET);
            }
        }

        @Test
        void serviceUnavailableErrorCarriesRetryAfterSeconds() {
            try (StubTokenServer server = StubTokenServer.responding(503, "application/json", """
                    {"error":"temporarily_unavailable"}""", Map.of("Retry-After", "120"))) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.TokenRequestRejected.class,
                        rejected -> assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
                assertThat(error.isRetryable()).isTrue();
            }
        }

        @Test
        void tooManyRequestsPageCarriesRetryAfterDate() {
            Instant now = Instant.parse("2025-01-15T10:00:00Z");
            TokenEndpointClient clientAtNow = new TokenEndpointClient(TokenEndpointSettings.defaults(), Clock.fixed(now, ZoneOffset.UTC));
            String ninetySecondsLater = DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atOffset(ZoneOffset.UTC));
            try (StubTokenServer server = StubTokenServer.responding(429, "text/html", "<h1>Too Many Requests</h1>",
                    Map.of("Retry-After", ninetySecondsLater))) {
                AuthError error = clientAtNow.requestToken(basicRequest(server.tokenEndpoint())).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class, malformed -> {
                    assertThat(malformed.status()).isEqualTo(429);
                    assertThat(malformed.retryAfter()).isEqualTo(Duration.ofSeconds(90));
                });
            }
        }

        @Test
        void retryAfterOnClientErrorIsIgnored() {
            try (StubTokenServer server = StubTokenServer.responding(400, "application/json", """
                    {"error":"invalid_request"}""", Map.of("Retry-After", "120"))) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error.retryAfter()).isZero();
                assertThat(error.isRetryable()).isFalse();
            }
        }

        @Test
        void invalidRetryAfterIsIgnored() {
            try (StubTokenServer server = StubTokenServer.responding(503, "application/json", """
                    {"error":"temporarily_unavailable"}""", Map.of("Retry-After", "in a while"))) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOf(AuthError.TokenRequestRejected.class);
                assertThat(error.retryAfter()).isZero();
            }
        }

        @Test
        void oversizedServerErrorCarriesRetryAfter() {
            TokenEndpointClient smallLimit = new TokenEndpointClient(new TokenEndpointSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 1024));
            try (StubTokenServer server = StubTokenServer.responding(503, "text/plain", "x".repeat(100_000), Map.of("Retry-After", "60"))) {
                AuthError error = smallLimit.requestToken(basicRequest(server.tokenEndpoint())).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class, malformed -> {
                    assertThat(malformed.reason()).contains("limit of 1024 bytes");
                    assertThat(malformed.retryAfter()).isEqualTo(Duration.ofSeconds(60));
                });
            }
        }

        @Test
        void jsonWithoutErrorOnServerErrorIsMalformed() {
            try (StubTokenServer server = StubTokenServer.responding(500, "application/json", "{\"message\":\"boom\"}", Map.of())) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class, malformed -> {
                    assertThat(malformed.status()).isEqualTo(500);
                    assertThat(malformed.reason()).contains("the JSON body has no \"error\" string");
                    assertThat(malformed.excerpt()).isEqualTo("{\"message\":\"boom\"}");
                });
            }
        }
    }

    @Nested
    class Transport {

        @Test
        void redirectIsNotFollowed() {
            try (StubTokenServer server = StubTokenServer.with(exchange -> {
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/moved/token");
                StubTokenServer.send(exchange, 302, "", "");
            })) {
                AuthError error = requestFrom(server).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class, malformed -> {
                    assertThat(malformed.status()).isEqualTo(302);
                    assertThat(malformed.reason()).contains("redirects are not followed").contains(server.uri("/moved/token").toString());
                });
                assertThat(server.requestCount()).isEqualTo(1);
            }
        }

        @Test
        void oversizedBodyIsMalformed() {
            TokenEndpointClient smallLimit = new TokenEndpointClient(new TokenEndpointSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 1024));
            String huge = "{\"access_token\":\"abc\",\"token_type\":\"Bearer\",\"padding\":\"" + "x".repeat(100_000) + "\"}";
            try (StubTokenServer server = StubTokenServer.respondingJson(huge)) {
                AuthError error = smallLimit.requestToken(basicRequest(server.tokenEndpoint())).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.MalformedTokenResponse.class, malformed -> {
                    assertThat(malformed.status()).isEqualTo(200);
                    assertThat(malformed.reason()).contains("limit of 1024 bytes");
                    assertThat(malformed.excerpt()).startsWith("{\"access_token\":\"[redacted]\"");
                });
            }
        }

        @Test
        void bodyAtLimitIsAccepted() {
            String body = "{\"access_token\":\"abc\",\"token_type\":\"Bearer\"}";
            TokenEndpointClient exactLimit = new TokenEndpointClient(
                    new TokenEndpointSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), body.getBytes(StandardCharsets.UTF_8).length));
            try (StubTokenServer server = StubTokenServer.respondingJson(body)) {
                Either<AuthError, TokenGrant> result = exactLimit.requestToken(basicRequest(server.tokenEndpoint()));

                assertThat(result.isRight()).as("result %s", result).isTrue();
            }
        }

        @Test
        @Timeout(30)
        void silentServerTimesOut() {
            TokenEndpointClient impatient = new TokenEndpointClient(new TokenEndpointSettings(Duration.ofSeconds(5), Duration.ofMillis(300), 64 * 1024));
            try (StubTokenServer server = StubTokenServer.neverAnswering()) {
                AuthError error = impatient.requestToken(basicRequest(server.tokenEndpoint())).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.TokenEndpointUnreachable.class,
                        unreachable -> assertThat(unreachable.reason()).isEqualTo("timed out after 300 ms without a complete response"));
            }
        }

        @Test
        @Timeout(30)
        void bodyThatNeverEndsTimesOut() {
            TokenEndpointClient impatient = new TokenEndpointClient(new TokenEndpointSettings(Duration.ofSeconds(5), Duration.ofMillis(300), 64 * 1024));
            try (StubTokenServer server = StubTokenServer.stallingInBody()) {
                AuthError error = impatient.requestToken(basicRequest(server.tokenEndpoint())).getLeft();

                assertThat(error).isInstanceOfSatisfying(AuthError.TokenEndpointUnreachable.class,
                        unreachable -> assertThat(unreachable.reason()).startsWith("timed out after 300 ms"));
            }
        }

        @Test
        void closedPortIsConnectionRefused() throws Exception {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closedPort = socket.getLocalPort();
            }

            AuthError error = client.requestToken(basicRequest(URI.create("http://127.0.0.1:" + closedPort + "/oauth2/token"))).getLeft();

            assertThat(error).isInstanceOfSatisfying(AuthError.TokenEndpointUnreachable.class,
                    unreachable -> assertThat(unreachable.reason()).isEqualTo("connection refused"));
        }

        @Test
        void plainHttpToOtherHostIsRejected() {
            try (StubTokenServer proxy = StubTokenServer.respondingJson(BEARER_RESPONSE)) {
                // The client sends every request through the loopback proxy, so even a broken check
                // could not send a packet to the named host, and the proxy would count the request.
                TokenEndpointClient proxied = throughProxy(proxy);
                URI endpoint = URI.create("http://token.example.test/oauth2/token");

                Either<AuthError, TokenGrant> result = proxied.requestToken(basicRequest(endpoint));

                assertThat(proxy.requestCount()).as("requests that reached the proxy").isZero();
                assertThat(result.getLeft()).isInstanceOfSatisfying(AuthError.InvalidConfiguration.class,
                        invalid -> assertThat(invalid.problems()).singleElement().satisfies(problem -> {
                            assertThat(problem.path()).isEqualTo("tokenEndpoint");
                            assertThat(problem.message()).contains("plain http");
                        }));
                assertThat(proxy.requestCount()).isZero();
            }
        }

        @Test
        void proxiedClientSendsAllowedRequestThroughProxy() {
            try (StubTokenServer proxy = StubTokenServer.respondingJson(BEARER_RESPONSE)) {
                // Shows that the proxy of the test above catches requests. 127.0.0.2 is a loopback
                // address, so plain http is allowed, and without the proxy the request would stay
                // on this machine too.
                TokenEndpointClient proxied = throughProxy(proxy);
                URI endpoint = URI.create("http://127.0.0.2:9/oauth2/token");

                Either<AuthError, TokenGrant> result = proxied.requestToken(basicRequest(endpoint));

                assertThat(result.isRight()).as("result %s", result).isTrue();
                assertThat(proxy.requestCount()).isEqualTo(1);
                assertThat(proxy.lastRequest().path()).isEqualTo("/oauth2/token");
            }
        }

        @Test
        void otherSchemeIsRejected() {
            AuthError error = client.requestToken(basicRequest(URI.create("ftp://127.0.0.1/token"))).getLeft();

            assertThat(error).isInstanceOfSatisfying(AuthError.InvalidConfiguration.class,
                    invalid -> assertThat(invalid.message()).contains("has scheme 'ftp': use https"));
        }
    }
}
