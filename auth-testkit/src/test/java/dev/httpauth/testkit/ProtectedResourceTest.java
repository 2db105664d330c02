package dev.httpauth.testkit;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectedResourceTest {

    private static final String USERNAME = "apiuser";
    private static final String PASSWORD = "pässwörd:with colon";
    private static final String API_KEY = "maps-key-123";
    private static final String CLIENT_ID = "orders-service";
    private static final String CLIENT_SECRET = "client-secret-456";

    private final HttpClient http = HttpClient.newHttpClient();
    private final LoopbackAuthorizationServer authorizationServer = LoopbackAuthorizationServer.start().registerClient(CLIENT_ID, CLIENT_SECRET);
    private final ProtectedResource resource = ProtectedResource.start(
            new ProtectedResource.Expected(USERNAME, PASSWORD, "X-API-Key", API_KEY, "api_key"),
            authorizationServer.jwksUri(),
            authorizationServer.issuer());

    @AfterEach
    void stopServers() {
        resource.close();
        authorizationServer.close();
        http.close();
    }

    @Test
    void basicAcceptsExpectedUtf8Credentials() throws Exception {
        HttpResponse<String> response = get(resource.uri("/basic"), "Authorization", basic(USERNAME, PASSWORD));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("authorized", true).containsEntry("method", "basic").containsEntry("subject", USERNAME);
    }

    @Test
    void basicRejectsWrongPassword() throws Exception {
        String wrongPassword = "guess-1234";

        HttpResponse<String> response = get(resource.uri("/basic"), "Authorization", basic(USERNAME, wrongPassword));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm="));
        assertThat(json(response)).containsEntry("authorized", false).containsEntry("reason", "wrong username or password");
        assertThat(response.body()).doesNotContain(wrongPassword);
    }

    @Test
    void basicRejectsMissingAuthorizationHeader() throws Exception {
        HttpResponse<String> response = get(resource.uri("/basic"), null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).containsEntry("reason", "the request has no Authorization header");
    }

    @Test
    void basicRejectsCredentialsThatAreNotBase64() throws Exception {
        HttpResponse<String> response = get(resource.uri("/basic"), "Authorization", "Basic not*base64");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).containsEntry("reason", "the Basic credentials are not valid Base64");
    }

    @Test
    void apiKeyHeaderAcceptsExpectedKey() throws Exception {
        HttpResponse<String> response = get(resource.uri("/api-key"), "X-API-Key", API_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("method", "api-key").containsEntry("subject", "X-API-Key");
    }

    @Test
    void apiKeyHeaderRejectsWrongKey() throws Exception {
        String wrongKey = "stolen-key-999";

        HttpResponse<String> response = get(resource.uri("/api-key"), "X-API-Key", wrongKey);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(response.body()).doesNotContain(wrongKey);
    }

    @Test
    void apiKeyQueryAcceptsExpectedKey() throws Exception {
        URI uri = URI.create(resource.uri("/api-key-query") + "?page=2&api_key=" + URLEncoder.encode(API_KEY, StandardCharsets.UTF_8));

        HttpResponse<String> response = get(uri, null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("method", "api-key").containsEntry("subject", "api_key");
    }

    @Test
    void apiKeyQueryRejectsMissingParameter() throws Exception {
        HttpResponse<String> response = get(URI.create(resource.uri("/api-key-query") + "?page=2"), "X-API-Key", API_KEY);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).containsEntry("reason", "the query has no api_key parameter");
    }

    @Test
    void bearerAcceptsTokenFromAuthorizationServer() throws Exception {
        String token = obtainToken();

        HttpResponse<String> response = get(resource.uri("/bearer"), "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response)).containsEntry("method", "bearer").containsEntry("subject", CLIENT_ID);
    }

    @Test
    void bearerRejectsTokenWithAlteredSignature() throws Exception {
        String token = obtainToken();
        String altered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        HttpResponse<String> response = get(resource.uri("/bearer"), "Authorization", "Bearer " + altered);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("error=\"invalid_token\""));
        assertThat(response.body()).doesNotContain(altered);
    }

    @Test
    void bearerRejectsExpiredToken() throws Exception {
        authorizationServer.tokenLifetime(Duration.ofMinutes(-5));
        String token = obtainToken();

        HttpResponse<String> response = get(resource.uri("/bearer"), "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("reason")).asString().containsIgnoringCase("expired");
    }

    @Test
    void bearerRejectsTokenOfAnotherIssuer() throws Exception {
        String foreignToken;
        try (LoopbackAuthorizationServer other = LoopbackAuthorizationServer.start().registerClient(CLIENT_ID, CLIENT_SECRET)) {
            foreignToken = obtainToken(other);
        }

        HttpResponse<String> response = get(resource.uri("/bearer"), "Authorization", "Bearer " + foreignToken);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void bearerRejectsTokenThatIsNotJwt() throws Exception {
        HttpResponse<String> response = get(resource.uri("/bearer"), "Authorization", "Bearer opaque-token-value");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response)).containsEntry("reason", "the bearer token is not a signed JWT");
    }

    @Test
    void unknownPathGetsNotFound() throws Exception {
        HttpResponse<String> response = get(resource.uri("/admin"), null, null);

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void requestCountCountsEveryRequest() throws Exception {
        get(resource.uri("/basic"), "Authorization", basic(USERNAME, PASSWORD));
        get(resource.uri("/api-key"), null, null);
        get(resource.uri("/nowhere"), null, null);

        assertThat(resource.requestCount()).isEqualTo(3);
    }

    @Test
    void expectedToStringHidesPasswordAndKey() {
        ProtectedResource.Expected expected = new ProtectedResource.Expected(USERNAME, PASSWORD, "X-API-Key", API_KEY, "api_key");

        assertThat(expected.toString()).contains(USERNAME).doesNotContain(PASSWORD).doesNotContain(API_KEY);
    }

    private String obtainToken() throws Exception {
        return obtainToken(authorizationServer);
    }

    private String obtainToken(LoopbackAuthorizationServer server) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", basic(CLIENT_ID, CLIENT_SECRET))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("token response %s", response.body()).isEqualTo(200);
        return (String) JSONObjectUtils.parse(response.body()).get("access_token");
    }

    private HttpResponse<String> get(URI uri, String headerName, String headerValue) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headerName != null) {
            request.header(headerName, headerValue);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws Exception {
        return JSONObjectUtils.parse(response.body());
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
