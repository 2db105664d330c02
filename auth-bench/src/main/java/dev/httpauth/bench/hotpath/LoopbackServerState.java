package dev.httpauth.bench.hotpath;

import dev.httpauth.testkit.LoopbackAuthorizationServer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Duration;

/**
 * One real authorization server on 127.0.0.1 per fork, with one registered client per library so
 * that every library primes its cache with a token of the same shape and length.
 */
@State(Scope.Benchmark)
public class LoopbackServerState {

    static final String HTTPAUTH_CLIENT = "httpauth-bench";
    static final String SPRING_CLIENT = "spring-bench";
    static final String GOOGLE_CLIENT = "google-bench";
    static final String CLIENT_SECRET = "bench-client-secret";

    LoopbackAuthorizationServer server;

    @Setup(Level.Trial)
    public void start() {
        // One hour outlives every measurement, so no library refreshes its token while it is measured.
        server = LoopbackAuthorizationServer.start()
                .tokenLifetime(Duration.ofHours(1))
                .registerClient(HTTPAUTH_CLIENT, CLIENT_SECRET)
                .registerClient(SPRING_CLIENT, CLIENT_SECRET)
                .registerClient(GOOGLE_CLIENT, CLIENT_SECRET);
    }

    @TearDown(Level.Trial)
    public void stop() {
        server.close();
    }
}
