package dev.httpauth.bench.hotpath;

import dev.httpauth.bench.peers.HttpauthPeer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * The cost of authorizing one request while the credentials are cached: from the caller's request
 * to the {@code Authorization} (or API key) header value as a {@code String}. JMH consumes each
 * returned value. {@link HotPathOneThread} and {@link HotPathTwoThreads} run these methods with one
 * and two caller threads.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class HotPathBenchmarks {

    private static final Clock SYSTEM_CLOCK = Clock.systemUTC();

    /** Lower bound: hands over a header value built before the measurement. */
    @Benchmark
    public String lowerBound(HotPathStates.LowerBound state) {
        return state.header;
    }

    /** Reference: reads the system clock in milliseconds, as google-auth-library does once per request. */
    @Benchmark
    public long systemClockMillis() {
        return SYSTEM_CLOCK.millis();
    }

    /** Reference: reads httpauth's default clock, {@code CachedClock}, as its token cache does once per request. */
    @Benchmark
    public long cachedClockMillis(HotPathStates.CachedClockState state) {
        return state.clock.millis();
    }

    /**
     * httpauth, OAuth client credentials with a cached token, through the connection's handle
     * ({@code ConnectionAuthorizer.authorize}), as {@code AuthorizingHttpClient} calls it.
     */
    @Benchmark
    public String httpauthOAuth(HotPathStates.HttpauthState state) {
        return HttpauthPeer.headerValue(state.oauth);
    }

    /** httpauth, OAuth with a cached token through the handle, on {@code Clock.systemUTC()} instead of the default {@code CachedClock}. */
    @Benchmark
    public String httpauthOAuthSystemClock(HotPathStates.HttpauthSystemClockState state) {
        return HttpauthPeer.headerValue(state.oauth);
    }

    /** httpauth, OAuth with a cached token, looking the connection up by id: {@code AuthorizationService.authorize(id, request)}. */
    @Benchmark
    public String httpauthOAuthById(HotPathStates.HttpauthState state) {
        return state.peer.headerValue(HttpauthPeer.OAUTH);
    }

    /** httpauth, HTTP Basic through the handle: resolves the password from the in-memory store and reuses the header built from it. */
    @Benchmark
    public String httpauthBasic(HotPathStates.HttpauthState state) {
        return HttpauthPeer.headerValue(state.basic);
    }

    /** httpauth, API key in a header through the handle: resolves the key from the in-memory store and reuses the header built from it. */
    @Benchmark
    public String httpauthApiKey(HotPathStates.HttpauthState state) {
        return HttpauthPeer.headerValue(state.apiKey);
    }

    /** Spring Security: {@code authorize(OAuth2AuthorizeRequest)} with a cached client, then {@code "Bearer " + token}. */
    @Benchmark
    public String springSecurity(HotPathStates.SpringSecurityState state) {
        return state.peer.authorizationHeader();
    }

    /** google-auth-library: {@code getRequestMetadata(URI)} with a cached token, then the header value. */
    @Benchmark
    public String googleAuth(HotPathStates.GoogleAuthState state) throws IOException {
        return state.peer.authorizationHeader();
    }
}
