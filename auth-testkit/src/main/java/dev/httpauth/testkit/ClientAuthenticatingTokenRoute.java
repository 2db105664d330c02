package dev.httpauth.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientAuthenticationVerifier;
import com.nimbusds.oauth2.sdk.auth.verifier.ClientCredentialsSelector;
import com.nimbusds.oauth2.sdk.auth.verifier.Context;
import com.nimbusds.oauth2.sdk.auth.verifier.InvalidClientException;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A route placed before mock-oauth2-server's own routes that authenticates every request to the
 * token endpoint against a client registry, because mock-oauth2-server 2.3.0 issues tokens to any
 * client secret.
 *
 * <p>Requests with {@code client_secret_basic} or {@code client_secret_post} credentials of a
 * registered client go on to the real token endpoint. Every other request gets an RFC 6749 §5.2
 * {@code invalid_client} error with HTTP 401. The Nimbus SDK parses the credentials (including the
 * form-decoding of the Basic user-id and password, RFC 6749 §2.3.1) and compares secrets in
 * constant time ({@code Secret.equals} compares SHA-256 digests with {@code ConstantTimeUtils}).
 */
final class ClientAuthenticatingTokenRoute implements Route {

    private static final Logger log = LoggerFactory.getLogger(ClientAuthenticatingTokenRoute.class);

    private static final Set<ClientAuthenticationMethod> SUPPORTED_METHODS =
            Set.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, ClientAuthenticationMethod.CLIENT_SECRET_POST);

    private final String tokenPath;
    private final Route authorizationServer;
    private final Map<String, Secret> secretsByClientId = new ConcurrentHashMap<>();
    private final ClientAuthenticationVerifier<Void> verifier;
    private final AtomicInteger requestCount = new AtomicInteger();

    /**
     * @param tokenPath the path of the token endpoint, such as {@code /default/token}
     * @param authorizationServer the routes of the real server that handle authenticated requests
     */
    ClientAuthenticatingTokenRoute(String tokenPath, Route authorizationServer) {
        this.tokenPath = tokenPath;
        this.authorizationServer = authorizationServer;
        // Nimbus requires an audience for JWT assertions. This route rejects those before verifying,
        // so the audience is never compared.
        this.verifier = new ClientAuthenticationVerifier<>(new RegisteredSecrets(), Set.of(new Audience(tokenPath)));
    }

    /** Registers {@code clientId} with {@code clientSecret}, replacing any earlier secret of that client. */
    void register(String clientId, String clientSecret) {
        secretsByClientId.put(clientId, new Secret(clientSecret));
    }

    /** Returns the number of requests to the token endpoint so far, whatever their outcome. */
    int requestCount() {
        return requestCount.get();
    }

    @Override
    public boolean match(OAuth2HttpRequest request) {
        return request.getUrl().encodedPath().equals(tokenPath);
    }

    @Override
    public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
        requestCount.incrementAndGet();

        Optional<String> failure = authenticationFailure(request);
        if (failure.isPresent()) {
            log.debug("Rejected token request with invalid_client: {}", failure.get());
            return invalidClient(failure.get());
        }

        return authorizationServer.invoke(request);
    }

    /** Returns why the client could not be authenticated, or empty when it was. */
    private Optional<String> authenticationFailure(OAuth2HttpRequest request) {
        ClientAuthentication authentication;
        try {
            authentication = ClientAuthentication.parse(request.asNimbusHTTPRequest());
        } catch (ParseException e) {
            // The parser's message may quote parts of the credentials, so it stays out of the response.
            return Optional.of("the client authentication is malformed (RFC 6749 section 2.3.1)");
        }

        if (authentication == null) {
            return Optional.of("the request has no client authentication: send client_secret_basic or client_secret_post");
        }
        if (!SUPPORTED_METHODS.contains(authentication.getMethod())) {
            return Optional.of("client authentication method " + authentication.getMethod()
                    + " is not supported: use client_secret_basic or client_secret_post");
        }

        try {
            verifier.verify(authentication, Set.of(), new Context<>());
            return Optional.empty();
        } catch (InvalidClientException e) {
            return Optional.of(e.getMessage());
        } catch (JOSEException e) {
            // Only JWT-based methods raise this, and those are rejected above.
            throw new IllegalStateException("Client secret authentication raised a JOSE exception", e);
        }
    }

    private static OAuth2HttpResponse invalidClient(String description) {
        String body = OAuth2Error.INVALID_CLIENT.setDescription(description).toJSONObject().toJSONString();
        Headers headers = Headers.of(
                "Content-Type", "application/json;charset=UTF-8",
                "Cache-Control", "no-store",
                "WWW-Authenticate", "Basic realm=\"loopback-authorization-server\", charset=\"UTF-8\"");
        return new OAuth2HttpResponse(headers, 401, body, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Looks up the registered secret of a client for the Nimbus verifier. */
    private final class RegisteredSecrets implements ClientCredentialsSelector<Void> {

        @Override
        public List<Secret> selectClientSecrets(ClientID clientId, ClientAuthenticationMethod method, Context<Void> context)
                throws InvalidClientException {
            Secret secret = secretsByClientId.get(clientId.getValue());
            if (secret == null) {
                throw new InvalidClientException("client '" + clientId.getValue() + "' is not registered");
            }
            return List.of(secret);
        }

        @Override
        public List<? extends PublicKey> selectPublicKeys(
                ClientID clientId, ClientAuthenticationMethod method, JWSHeader header, boolean forceRefresh, Context<Void> context)
                throws InvalidClientException {
            throw new InvalidClientException("client authentication with keys is not supported");
        }
    }
}
