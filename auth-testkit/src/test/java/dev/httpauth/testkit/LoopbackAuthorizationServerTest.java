package dev.httpauth.testkit;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
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

class LoopbackAuthorizationServerTest {

    private static final String CLIENT_ID = "orders-service";
    private static final String CLIENT_SECRET = "s3cr3t-value-42";

    private final HttpClient http = HttpClient.newHttpClient();
    private final LoopbackAuthorizationServer server = LoopbackAuthorizationServer.start().registerClient(CLIENT_ID, CLIENT_SECRET);

    @AfterEach
    void stopServer() {
        server.close();
        http.close();
    }

    @Test
    void registeredClientGetsTokenWithClientSecretBasic() throws Exception {
        HttpResponse<String> response = post(server.tokenEndpoint(), basic(CLIENT_ID, CLIENT_SECRET), "grant_type=client_credentials&scope=orders.read%20orders.write");

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        assertThat(body).containsEntry("token_type", "Bearer");
        assertThat(body).containsEntry("scope", "orders.read orders.write");
        JWTClaimsSet claims = SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(CLIENT_ID);
        assertThat(claims.getIssuer()).isEqualTo(server.issuer().toString());
    }

    @Test
    void registeredClientGetsTokenWithClientSecretPost() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET;

        HttpResponse<String> response = post(server.tokenEndpoint(), null, form);

        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        assertThat(body).containsEntry("token_type", "Bearer");
        assertThat(body.get("access_token")).asString().isNotBlank();
    }

    @Test
    void wrongSecretGetsInvalidClient() throws Exception {
        String wrongSecret = "not-the-secret";

        HttpResponse<String> response = post(server.tokenEndpoint(), basic(CLIENT_ID, wrongSecret), "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic "));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(value -> assertThat(value).startsWith("application/json"));
        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        assertThat(body).containsEntry("error", "invalid_client");
        assertThat(body.get("error_description")).asString().isNotBlank();
        assertThat(response.body()).doesNotContain(wrongSecret).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void wrongSecretInPostBodyGetsInvalidClient() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + CLIENT_ID + "&client_secret=wrong";

        HttpResponse<String> response = post(server.tokenEndpoint(), null, form);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_client");
    }

    @Test
    void unknownClientGetsInvalidClient() throws Exception {
        HttpResponse<String> response = post(server.tokenEndpoint(), basic("someone-else", CLIENT_SECRET), "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_client");
    }

    @Test
    void requestWithoutClientAuthenticationGetsInvalidClient() throws Exception {
        HttpResponse<String> response = post(server.tokenEndpoint(), null, "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSONObjectUtils.parse(response.body())).containsEntry("error", "invalid_client");
    }

    @Test
    void basicCredentialsAreFormDecodedBeforeComparison() throws Exception {
        String clientId = "app:eu west+1";
        String clientSecret = "p+ss wörd:%";
        server.registerClient(clientId, clientSecret);

        HttpResponse<String> encoded = post(server.tokenEndpoint(), basic(clientId, clientSecret), "grant_type=client_credentials");
        HttpResponse<String> notEncoded = post(server.tokenEndpoint(), rawBasic("app%3Aeu+west%2B1", clientSecret), "grant_type=client_credentials");

        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(notEncoded.statusCode()).isEqualTo(401);
    }

    @Test
    void tokenLifetimeSetsExpiryOfLaterTokens() throws Exception {
        server.tokenLifetime(Duration.ofMinutes(5));

        HttpResponse<String> response = post(server.tokenEndpoint(), basic(CLIENT_ID, CLIENT_SECRET), "grant_type=client_credentials");

        Map<String, Object> body = JSONObjectUtils.parse(response.body());
        JWTClaimsSet claims = SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofMinutes(5));
        assertThat(((Number) body.get("expires_in")).longValue()).isBetween(240L, 300L);
    }

    @Test
    void tokenRequestCountCountsEveryOutcome() throws Exception {
        post(server.tokenEndpoint(), basic(CLIENT_ID, CLIENT_SECRET), "grant_type=client_credentials");
        post(server.tokenEndpoint(), basic(CLIENT_ID, "wrong"), "grant_type=client_credentials");
        http.send(HttpRequest.newBuilder(server.jwksUri()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(server.tokenRequestCount()).isEqualTo(2);
    }

    @Test
    void endpointsUseTheLoopbackAddress() throws Exception {
        HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(server.jwksUri()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(server.tokenEndpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(server.tokenEndpoint().getPath()).isEqualTo("/default/token");
        assertThat(server.issuer().getHost()).isEqualTo("127.0.0.1");
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(JSONObjectUtils.parse(jwks.body())).containsKey("keys");
    }

    private HttpResponse<String> post(URI uri, String authorization, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Builds client_secret_basic credentials: both parts form-urlencoded, then Base64 (RFC 6749 §2.3.1). */
    private static String basic(String clientId, String clientSecret) {
        return rawBasic(URLEncoder.encode(clientId, StandardCharsets.UTF_8), URLEncoder.encode(clientSecret, StandardCharsets.UTF_8));
    }

    private static String rawBasic(String userId, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
