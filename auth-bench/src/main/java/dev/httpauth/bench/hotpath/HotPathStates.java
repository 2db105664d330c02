package dev.httpauth.bench.hotpath;

import dev.httpauth.app.CachedClock;
import dev.httpauth.bench.peers.GoogleAuthPeer;
import dev.httpauth.bench.peers.HttpauthPeer;
import dev.httpauth.bench.peers.SpringSecurityPeer;
import dev.httpauth.domain.port.in.ConnectionAuthorizer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.time.Clock;

/** The state of each library in the hot-path benchmarks: set up once per fork, token already cached. */
public final class HotPathStates {

    private HotPathStates() {
    }

    /** A header value built before the measurement, for the lower bound. */
    @State(Scope.Benchmark)
    public static class LowerBound {

        String header;

        @Setup(Level.Trial)
        public void build(HttpauthState httpauth) {
            header = httpauth.peer.headerValue(HttpauthPeer.OAUTH);
        }
    }

    /**
     * httpauth with an OAuth, a Basic and an API key connection, each authorized once, on the
     * {@link CachedClock} that {@code HttpAuth} and {@code HttpAuthModule} use by default.
     */
    @State(Scope.Benchmark)
    public static class HttpauthState {

        HttpauthPeer peer;
        ConnectionAuthorizer oauth;
        ConnectionAuthorizer basic;
        ConnectionAuthorizer apiKey;

        @Setup(Level.Trial)
        public void prime(LoopbackServerState loopback) {
            peer = new HttpauthPeer(
                    loopback.server.tokenEndpoint(), LoopbackServerState.HTTPAUTH_CLIENT, LoopbackServerState.CLIENT_SECRET, new CachedClock());
            oauth = peer.authorizer(HttpauthPeer.OAUTH);
            basic = peer.authorizer(HttpauthPeer.BASIC);
            apiKey = peer.authorizer(HttpauthPeer.API_KEY);
            HttpauthPeer.headerValue(oauth);
            HttpauthPeer.headerValue(basic);
            HttpauthPeer.headerValue(apiKey);
        }
    }

    /** httpauth's OAuth connection on {@code Clock.systemUTC()}, which reads the system clock for every request. */
    @State(Scope.Benchmark)
    public static class HttpauthSystemClockState {

        ConnectionAuthorizer oauth;

        @Setup(Level.Trial)
        public void prime(LoopbackServerState loopback) {
            HttpauthPeer peer = new HttpauthPeer(
                    loopback.server.tokenEndpoint(), LoopbackServerState.HTTPAUTH_CLIENT, LoopbackServerState.CLIENT_SECRET, Clock.systemUTC());
            oauth = peer.authorizer(HttpauthPeer.OAUTH);
            HttpauthPeer.headerValue(oauth);
        }
    }

    /** The clock httpauth uses by default, already ticking. */
    @State(Scope.Benchmark)
    public static class CachedClockState {

        CachedClock clock;

        @Setup(Level.Trial)
        public void start() {
            clock = new CachedClock();
            clock.millis();
        }
    }

    /** Spring Security's authorized client manager with the client already authorized. */
    @State(Scope.Benchmark)
    public static class SpringSecurityState {

        SpringSecurityPeer peer;

        @Setup(Level.Trial)
        public void prime(LoopbackServerState loopback) {
            peer = new SpringSecurityPeer(
                    loopback.server.tokenEndpoint(), LoopbackServerState.SPRING_CLIENT, LoopbackServerState.CLIENT_SECRET, Clock.systemUTC());
            peer.authorizationHeader();
        }
    }

    /** google-auth-library credentials with a token already obtained. */
    @State(Scope.Benchmark)
    public static class GoogleAuthState {

        GoogleAuthPeer peer;

        @Setup(Level.Trial)
        public void prime(LoopbackServerState loopback) throws IOException {
            peer = new GoogleAuthPeer(
                    loopback.server.tokenEndpoint(), LoopbackServerState.GOOGLE_CLIENT, LoopbackServerState.CLIENT_SECRET, Clock.systemUTC());
            peer.authorizationHeader();
        }
    }
}
