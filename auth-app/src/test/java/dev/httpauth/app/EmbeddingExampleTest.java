package dev.httpauth.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.httpauth.app.fixture.LoopbackServices;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the embedding examples of the README against the loopback servers, so that they stay correct. */
class EmbeddingExampleTest {

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
    void builderExampleSendsAuthorizedRequest() throws Exception {
        Path connectionsFile = services.writeConnectionsFile(directory);
        URI uri = services.resource().uri("/api-key-query");

        HttpAuth httpAuth = HttpAuth.builder()
                .connectionsFile(connectionsFile)
                .build();

        RequestCredentials credentials = httpAuth.authorize("api-key-query", OutgoingRequest.of("GET", uri))
                .getOrElseThrow(error -> new IllegalStateException(error.message()));
        HttpRequest.Builder request = HttpRequest.newBuilder(credentials.applyTo(uri));
        credentials.headers().forEach(header -> request.setHeader(header.name(), header.value().reveal()));

        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void guiceExampleSendsAuthorizedRequest() throws Exception {
        Path connectionsFile = services.writeConnectionsFile(directory);
        URI uri = services.resource().uri("/bearer");
        List<AuthEvent> metrics = new CopyOnWriteArrayList<>();
        PublishAuthEventPort myMetrics = metrics::add;

        Injector injector = Guice.createInjector(Modules
                .override(new HttpAuthModule(connectionsFile))
                .with(binder -> binder.bind(PublishAuthEventPort.class).toInstance(myMetrics)));
        AuthorizeRequestUseCase authorizeRequest = injector.getInstance(AuthorizeRequestUseCase.class);

        RequestCredentials credentials = authorizeRequest.authorize("oauth", OutgoingRequest.of("GET", uri))
                .getOrElseThrow(error -> new IllegalStateException(error.message()));
        HttpRequest.Builder request = HttpRequest.newBuilder(credentials.applyTo(uri));
        credentials.headers().forEach(header -> request.setHeader(header.name(), header.value().reveal()));

        HttpResponse<String> response = send(request.build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(metrics).singleElement().isInstanceOf(AuthEvent.TokenObtained.class);
    }

    @Test
    void wrappedClientExampleSendsAuthorizedRequests() throws Exception {
        Path connectionsFile = services.writeConnectionsFile(directory);
        URI uri = services.resource().uri("/bearer");
        HttpAuth httpAuth = HttpAuth.builder()
                .connectionsFile(connectionsFile)
                .build();

        try (HttpClient delegate = HttpClient.newHttpClient()) {
            HttpClient client = httpAuth.httpClient("oauth", delegate)
                    .getOrElseThrow(error -> new IllegalStateException(error.message()));
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> second = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(second.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void wrappedClientOfUnknownConnectionIsAnError() {
        HttpAuth httpAuth = HttpAuth.builder()
                .connectionsFile(services.writeConnectionsFile(directory))
                .build();

        try (HttpClient delegate = HttpClient.newHttpClient()) {
            assertThat(httpAuth.httpClient("no-such-connection", delegate).getLeft().message())
                    .contains("no-such-connection");
        }
    }

    @Test
    void libraryLeavesLoggingConfigurationToHost() {
        assertThat(HttpAuth.class.getClassLoader().getResource("logback.xml"))
                .as("a logback.xml in auth-app would replace the host's logging configuration")
                .isNull();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
