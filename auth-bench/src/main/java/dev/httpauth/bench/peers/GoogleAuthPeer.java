package dev.httpauth.bench.peers;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.BenchClockAccess;
import com.google.auth.oauth2.OAuth2Credentials;
import com.google.auth.oauth2.OAuth2CredentialsWithRefresh;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * google-auth-library's {@link OAuth2CredentialsWithRefresh} with a refresh handler that requests
 * a client credentials token (RFC 6749 §4.4) from the given token endpoint over the JDK
 * {@code HttpClient}. The library has no client credentials grant for other servers, so this
 * handler is the smallest one that does the same HTTP work as the other two libraries.
 */
public final class GoogleAuthPeer {

    private static final URI ANY_RESOURCE = URI.create("http://127.0.0.1/resource");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OAuth2CredentialsWithRefresh credentials;
    private final Clock clock;

    /**
     * @param clock the clock both the library and the refresh handler read, so the token's
     *     expiration time and the library's expiry check agree
     */
    public GoogleAuthPeer(URI tokenEndpoint, String clientId, String clientSecret, Clock clock) {
        this.clock = clock;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (formEncode(clientId) + ":" + formEncode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        this.credentials = OAuth2CredentialsWithRefresh.newBuilder()
                .setRefreshHandler(() -> requestToken(http, tokenEndpoint, basic))
                .build();
        BenchClockAccess.useClock(credentials, clock);
    }

    /** Returns the {@code Authorization} header value, refreshing the token as the library decides. */
    public String authorizationHeader() throws IOException {
        Map<String, List<String>> metadata = credentials.getRequestMetadata(ANY_RESOURCE);
        return metadata.get("Authorization").getFirst();
    }

    /** Returns the instant from which the library treats the cached token as expired. */
    public Instant expiryInstant() {
        AccessToken token = credentials.getAccessToken();
        return token.getExpirationTime().toInstant().minus(BenchClockAccess.expirationMargin(credentials));
    }

    /** Returns the credentials object, for heap measurements. */
    public OAuth2Credentials credentials() {
        return credentials;
    }

    private AccessToken requestToken(HttpClient http, URI tokenEndpoint, String basicAuthorization) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .header("Authorization", basicAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while requesting a token from " + tokenEndpoint, e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("Token endpoint " + tokenEndpoint + " returned HTTP " + response.statusCode());
        }

        JsonNode body = JSON.readTree(response.body());
        String value = body.path("access_token").asString();
        long expiresInSeconds = body.path("expires_in").asLong();
        return new AccessToken(value, new Date(clock.millis() + expiresInSeconds * 1000));
    }

    private static String formEncode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
