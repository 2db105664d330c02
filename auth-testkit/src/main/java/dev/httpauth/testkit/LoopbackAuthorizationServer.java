package dev.httpauth.testkit;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequestHandler;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A real OAuth 2.0 authorization server on 127.0.0.1 for demos and tests: mock-oauth2-server 2.3.0
 * running in this process on a port the operating system picks, with the issuer id
 * {@code default}.
 *
 * <p>Its token endpoint issues signed JWT access tokens with the client credentials grant (RFC 6749
 * §4.4) to registered clients only. A client authenticates with {@code client_secret_basic} or
 * {@code client_secret_post}. Any other request to the token endpoint gets an RFC 6749 §5.2
 * {@code invalid_client} error: HTTP 401, a {@code WWW-Authenticate} header and a JSON body. The
 * {@code scope} parameter is passed through to the token and the response.
 *
 * <p>Send requests to the URIs this class returns. They use the address 127.0.0.1, and the server
 * writes the host of each request into the {@code iss} claim of the tokens it issues, so a token
 * requested through {@code localhost} would not match {@link #issuer()}.
 *
 * <p>Instances are thread-safe.
 */
public final class LoopbackAuthorizationServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoopbackAuthorizationServer.class);

    private static final String ISSUER_ID = "default";
    private static final String LOOPBACK_HOST = "127.0.0.1";
    private static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    private final MockOAuth2Server server;
    private final ClientAuthenticatingTokenRoute tokenRoute;
    private final AdjustableLifetimeTokenCallback tokenCallback;
    private final URI tokenEndpoint;
    private final URI jwksUri;
    private final URI issuer;

    private LoopbackAuthorizationServer(
            MockOAuth2Server server, ClientAuthenticatingTokenRoute tokenRoute, AdjustableLifetimeTokenCallback tokenCallback) {
        this.server = server;
        this.tokenRoute = tokenRoute;
        this.tokenCallback = tokenCallback;
        this.tokenEndpoint = onLoopbackAddress(server.tokenEndpointUrl(ISSUER_ID));
        this.jwksUri = onLoopbackAddress(server.jwksUrl(ISSUER_ID));
        this.issuer = onLoopbackAddress(server.issuerUrl(ISSUER_ID));
    }

    /**
     * Starts a server with no registered clients and a token lifetime of one hour.
     *
     * @throws UncheckedIOException if the server cannot bind to 127.0.0.1
     */
    public static LoopbackAuthorizationServer start() {
        AdjustableLifetimeTokenCallback tokenCallback = new AdjustableLifetimeTokenCallback(ISSUER_ID, DEFAULT_TOKEN_LIFETIME);
        OAuth2Config config = new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(), Set.of(tokenCallback));

        // A second request handler on the same config (and so the same signing keys) serves the
        // requests that pass client authentication. The server's own handler serves everything else.
        ClientAuthenticatingTokenRoute tokenRoute = new ClientAuthenticatingTokenRoute(
                "/" + ISSUER_ID + "/token", new OAuth2HttpRequestHandler(config).getAuthorizationServer());
        MockOAuth2Server server = new MockOAuth2Server(config, tokenRoute);

        try {
            server.start(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the authorization server on " + LOOPBACK_HOST, e);
        }

        LoopbackAuthorizationServer started = new LoopbackAuthorizationServer(server, tokenRoute, tokenCallback);
        log.debug("Started authorization server with token endpoint {}", started.tokenEndpoint);
        return started;
    }

    /**
     * Registers a client, replacing the secret of a client registered earlier with the same id.
     *
     * @return this server
     */
    public LoopbackAuthorizationServer registerClient(String clientId, String clientSecret) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        tokenRoute.register(clientId, clientSecret);
        return this;
    }

    /**
     * Sets the lifetime of tokens issued from now on: their {@code exp} claim and the
     * {@code expires_in} of the response. The server counts in whole seconds and drops any fraction.
     * A zero or negative lifetime issues tokens that have already expired.
     *
     * @return this server
     */
    public LoopbackAuthorizationServer tokenLifetime(Duration lifetime) {
        tokenCallback.lifetime(Objects.requireNonNull(lifetime, "lifetime"));
        return this;
    }

    /** Returns the token endpoint, such as {@code http://127.0.0.1:41234/default/token}. */
    public URI tokenEndpoint() {
        return tokenEndpoint;
    }

    /** Returns the URI of the JSON Web Key Set with the public keys that verify the issued tokens. */
    public URI jwksUri() {
        return jwksUri;
    }

    /** Returns the {@code iss} claim of tokens requested through {@link #tokenEndpoint()}. */
    public URI issuer() {
        return issuer;
    }

    /** Returns the number of requests to the token endpoint received so far, whatever their outcome. */
    public int tokenRequestCount() {
        return tokenRoute.requestCount();
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.shutdown();
    }

    private static URI onLoopbackAddress(HttpUrl url) {
        return url.newBuilder().host(LOOPBACK_HOST).build().uri();
    }
}
