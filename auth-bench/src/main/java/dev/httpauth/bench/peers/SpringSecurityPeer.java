package dev.httpauth.bench.peers;

import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spring Security's client credentials setup for a service without a user: an
 * {@link AuthorizedClientServiceOAuth2AuthorizedClientManager} with an in-memory client service and
 * the client credentials provider, whose default token response client
 * ({@code RestClientClientCredentialsTokenResponseClient} on the JDK {@code HttpClient}) calls the
 * given token endpoint with {@code client_secret_basic}.
 */
public final class SpringSecurityPeer {

    private static final String REGISTRATION_ID = "bench";
    private static final String PRINCIPAL_NAME = "bench-service";

    /** The provider's default clock skew in Spring Security 7.1: a token counts as expired this long before its expiry. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;
    private final OAuth2AuthorizeRequest authorizeRequest;

    /**
     * @param clock the clock the provider compares the token's expiry with; Spring Security stamps
     *     the token's issue time from the system clock whatever this is
     */
    public SpringSecurityPeer(URI tokenEndpoint, String clientId, String clientSecret, Clock clock) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenUri(tokenEndpoint.toString())
                .build();
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);

        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .clientCredentials(credentials -> credentials.clock(clock).clockSkew(CLOCK_SKEW))
                .build();

        this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
                registrations, new InMemoryOAuth2AuthorizedClientService(registrations));
        this.manager.setAuthorizedClientProvider(provider);
        this.authorizeRequest = OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION_ID)
                .principal(PRINCIPAL_NAME)
                .build();
    }

    /** Returns the authorized client, requesting a token when none is cached or the cached one has expired. */
    public OAuth2AuthorizedClient authorize() {
        OAuth2AuthorizedClient client = manager.authorize(authorizeRequest);
        if (client == null) {
            throw new IllegalStateException("Spring Security returned no authorized client for registration " + REGISTRATION_ID);
        }
        return client;
    }

    /** Returns the {@code Authorization} header value for the current token. */
    public String authorizationHeader() {
        return "Bearer " + authorize().getAccessToken().getTokenValue();
    }

    /** Returns the instant from which the provider treats {@code client}'s token as expired. */
    public static Instant expiryInstant(OAuth2AuthorizedClient client) {
        return client.getAccessToken().getExpiresAt().minus(CLOCK_SKEW);
    }
}
