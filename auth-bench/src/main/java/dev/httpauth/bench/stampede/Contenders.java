package dev.httpauth.bench.stampede;

import dev.httpauth.bench.peers.GoogleAuthPeer;
import dev.httpauth.bench.peers.HttpauthPeer;
import dev.httpauth.bench.peers.SpringSecurityPeer;
import dev.httpauth.bench.support.SettableClock;
import dev.httpauth.domain.model.RequestCredentials;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Builds the three contenders against one token endpoint, each with its own client id and clock. */
final class Contenders {

    static final String HTTPAUTH_CLIENT = "httpauth-stampede";
    static final String SPRING_CLIENT = "spring-stampede";
    static final String GOOGLE_CLIENT = "google-stampede";
    static final String CLIENT_SECRET = "stampede-client-secret";

    private static final Duration JUST_PAST = Duration.ofMillis(1);

    private Contenders() {
    }

    static List<Contender> all(URI tokenEndpoint) {
        return List.of(httpauth(tokenEndpoint), springSecurity(tokenEndpoint), googleAuth(tokenEndpoint));
    }

    private static Contender httpauth(URI tokenEndpoint) {
        SettableClock clock = new SettableClock(Instant.now());
        HttpauthPeer peer = new HttpauthPeer(tokenEndpoint, HTTPAUTH_CLIENT, CLIENT_SECRET, clock);
        return new Contender() {
            @Override
            public String name() {
                return "httpauth";
            }

            @Override
            public String expireCachedToken() {
                RequestCredentials cached = peer.authorize(HttpauthPeer.OAUTH);
                clock.setTo(HttpauthPeer.expiryInstant(cached).plus(JUST_PAST));
                return cached.headers().getFirst().value().reveal();
            }

            @Override
            public String authorizationHeader() {
                return HttpauthPeer.headerValue(peer.authorizer(HttpauthPeer.OAUTH));
            }
        };
    }

    private static Contender springSecurity(URI tokenEndpoint) {
        SettableClock clock = new SettableClock(Instant.now());
        SpringSecurityPeer peer = new SpringSecurityPeer(tokenEndpoint, SPRING_CLIENT, CLIENT_SECRET, clock);
        return new Contender() {
            @Override
            public String name() {
                return "Spring Security";
            }

            @Override
            public String expireCachedToken() {
                OAuth2AuthorizedClient cached = peer.authorize();
                clock.setTo(SpringSecurityPeer.expiryInstant(cached).plus(JUST_PAST));
                return "Bearer " + cached.getAccessToken().getTokenValue();
            }

            @Override
            public String authorizationHeader() {
                return peer.authorizationHeader();
            }
        };
    }

    private static Contender googleAuth(URI tokenEndpoint) {
        SettableClock clock = new SettableClock(Instant.now());
        GoogleAuthPeer peer = new GoogleAuthPeer(tokenEndpoint, GOOGLE_CLIENT, CLIENT_SECRET, clock);
        return new Contender() {
            @Override
            public String name() {
                return "google-auth-library";
            }

            @Override
            public String expireCachedToken() throws Exception {
                String cached = peer.authorizationHeader();
                clock.setTo(peer.expiryInstant().plus(JUST_PAST));
                return cached;
            }

            @Override
            public String authorizationHeader() throws Exception {
                return peer.authorizationHeader();
            }
        };
    }
}
