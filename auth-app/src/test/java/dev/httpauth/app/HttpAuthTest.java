package dev.httpauth.app;

import dev.httpauth.app.fixture.LoopbackServices;
import dev.httpauth.app.fixture.MutableClock;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpAuthTest {

    private static final OutgoingRequest REQUEST = OutgoingRequest.of("GET", URI.create("https://api.example.com/items"));

    private static LoopbackServices services;

    @TempDir
    private Path directory;

    @BeforeAll
    static void startServers() {
        services = LoopbackServices.start();
    }

    @AfterAll
    static void stopServers() {
        services.close();
    }

    @Test
    void builderWithConnectionsFileAuthorizesBasic() {
        HttpAuth httpAuth = HttpAuth.builder().connectionsFile(services.writeConnectionsFile(directory)).build();

        Either<AuthError, RequestCredentials> credentials = httpAuth.authorize("basic", REQUEST);

        assertThat(credentials.isRight()).as(String.valueOf(credentials)).isTrue();
        RequestCredentials.Header header = credentials.get().headers().getFirst();
        assertThat(header.name()).isEqualTo("Authorization");
        assertThat(header.value().reveal()).isEqualTo("Basic " + services.basicCredentials());
    }

    @Test
    void builderWithConnectionListUsesAddedSecretStore() {
        HttpAuth httpAuth = HttpAuth.builder()
                .connections(services.memoryConnections())
                .secretStore("memory", services.memorySecretStore())
                .build();

        Either<AuthError, RequestCredentials> credentials = httpAuth.authorize("api-key-header", REQUEST);

        assertThat(credentials.isRight()).as(String.valueOf(credentials)).isTrue();
        assertThat(credentials.get().headers().getFirst().value().reveal()).isEqualTo(services.apiKey());
    }

    @Test
    void twoAuthorizationsShareOneToken() {
        HttpAuth httpAuth = memoryHttpAuth().build();
        int before = services.authorizationServer().tokenRequestCount();

        Either<AuthError, RequestCredentials> first = httpAuth.authorize("oauth", REQUEST);
        Either<AuthError, RequestCredentials> second = httpAuth.authorize("oauth", REQUEST);

        assertThat(first.isRight()).as(String.valueOf(first)).isTrue();
        assertThat(second.get().headers().getFirst().value().sameValueAs(first.get().headers().getFirst().value())).isTrue();
        assertThat(services.authorizationServer().tokenRequestCount()).isEqualTo(before + 1);
    }

    @Test
    void sixteenParallelCallersShareOneTokenRequest() throws Exception {
        HttpAuth httpAuth = memoryHttpAuth().build();
        int before = services.authorizationServer().tokenRequestCount();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Either<AuthError, RequestCredentials>>> results = new ArrayList<>();

        try (ExecutorService callers = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 16; i++) {
                results.add(callers.submit(() -> {
                    start.await();
                    return httpAuth.authorize("oauth", REQUEST);
                }));
            }
            start.countDown();
        }

        for (Future<Either<AuthError, RequestCredentials>> result : results) {
            assertThat(result.get().isRight()).as(String.valueOf(result.get())).isTrue();
        }
        assertThat(services.authorizationServer().tokenRequestCount()).isEqualTo(before + 1);
    }

    @Test
    void builderClockDecidesWhenTokenExpires() {
        MutableClock clock = new MutableClock(Instant.now());
        HttpAuth httpAuth = memoryHttpAuth().clock(clock).build();
        int before = services.authorizationServer().tokenRequestCount();

        httpAuth.authorize("oauth", REQUEST);
        clock.advance(Duration.ofHours(2));
        Either<AuthError, RequestCredentials> afterExpiry = httpAuth.authorize("oauth", REQUEST);

        assertThat(afterExpiry.isRight()).as(String.valueOf(afterExpiry)).isTrue();
        assertThat(services.authorizationServer().tokenRequestCount()).isEqualTo(before + 2);
    }

    @Test
    void testAndListConnectionsUseSameWiring() {
        HttpAuth httpAuth = memoryHttpAuth().build();

        assertThat(httpAuth.test("oauth").passed()).isTrue();
        assertThat(httpAuth.listConnections().get()).extracting(status -> status.connection().id())
                .containsExactly("api-key-header", "basic", "oauth");
    }

    @Test
    void builderWithoutConnectionsIsRejected() {
        assertThatThrownBy(() -> HttpAuth.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connectionsFile(path) or connections(list)");
    }

    @Test
    void builderWithFileAndListIsRejected() {
        HttpAuth.Builder builder = HttpAuth.builder()
                .connectionsFile(directory.resolve("connections.json"))
                .connections(services.memoryConnections());

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("call only one of");
    }

    private static HttpAuth.Builder memoryHttpAuth() {
        return HttpAuth.builder().connections(services.memoryConnections()).secretStore("memory", services.memorySecretStore());
    }
}
