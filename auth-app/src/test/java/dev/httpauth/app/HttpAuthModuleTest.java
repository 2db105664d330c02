package dev.httpauth.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.httpauth.adapters.store.InMemoryConnections;
import dev.httpauth.app.events.Slf4jAuthEventPublisher;
import dev.httpauth.app.fixture.LoopbackServices;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import dev.httpauth.domain.port.in.ListConnectionsUseCase;
import dev.httpauth.domain.port.in.TestConnectionUseCase;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class HttpAuthModuleTest {

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
    void moduleBindsInboundPortsAsSingletons() {
        Injector injector = Guice.createInjector(new HttpAuthModule(services.writeConnectionsFile(directory)));

        assertThat(injector.getInstance(AuthorizeRequestUseCase.class)).isSameAs(injector.getInstance(AuthorizeRequestUseCase.class));
        assertThat(injector.getInstance(TestConnectionUseCase.class)).isSameAs(injector.getInstance(TestConnectionUseCase.class));
        assertThat(injector.getInstance(ListConnectionsUseCase.class)).isSameAs(injector.getInstance(ListConnectionsUseCase.class));
        assertThat(injector.getInstance(PublishAuthEventPort.class)).isInstanceOf(Slf4jAuthEventPublisher.class);
        assertThat(injector.getInstance(Clock.class)).isInstanceOf(CachedClock.class).isSameAs(injector.getInstance(Clock.class));
    }

    @Test
    void injectorSharesTokenCache() {
        Injector injector = Guice.createInjector(new HttpAuthModule(services.writeConnectionsFile(directory)));
        int before = services.authorizationServer().tokenRequestCount();

        injector.getInstance(AuthorizeRequestUseCase.class).authorize("oauth", REQUEST);
        injector.getInstance(HttpAuth.class).authorize("oauth", REQUEST);

        assertThat(services.authorizationServer().tokenRequestCount()).isEqualTo(before + 1);
    }

    @Test
    void hostOverridesEventPublisher() {
        List<AuthEvent> events = new CopyOnWriteArrayList<>();
        Injector injector = Guice.createInjector(Modules
                .override(new HttpAuthModule(services.writeConnectionsFile(directory)))
                .with(binder -> binder.bind(PublishAuthEventPort.class).toInstance(events::add)));

        injector.getInstance(AuthorizeRequestUseCase.class).authorize("oauth", REQUEST);

        assertThat(events).singleElement().isInstanceOfSatisfying(AuthEvent.TokenObtained.class, obtained -> {
            assertThat(obtained.connectionId()).isEqualTo("oauth");
            assertThat(obtained.clientId()).isEqualTo(LoopbackServices.CLIENT_ID);
        });
    }

    @Test
    void moduleWithConnectionPortAndSecretStoreAuthorizes() {
        HttpAuthModule module = new HttpAuthModule(new InMemoryConnections(services.memoryConnections()))
                .withSecretStore("memory", services.memorySecretStore());
        Injector injector = Guice.createInjector(module);

        var credentials = injector.getInstance(AuthorizeRequestUseCase.class).authorize("basic", REQUEST);

        assertThat(credentials.isRight()).as(String.valueOf(credentials)).isTrue();
        assertThat(credentials.get().headers().getFirst().value().reveal()).isEqualTo("Basic " + services.basicCredentials());
        assertThat(injector.getInstance(ResolveSecretPort.class)).isSameAs(injector.getInstance(dev.httpauth.adapters.store.SecretStores.class));
    }
}
