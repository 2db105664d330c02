package dev.httpauth.app;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.httpauth.adapters.store.ConnectionFileFormat;
import dev.httpauth.adapters.store.InMemoryConnections;
import dev.httpauth.adapters.store.InMemorySecretStore;
import dev.httpauth.adapters.store.InvalidPluginException;
import dev.httpauth.app.fixture.plugin.EchoKey;
import dev.httpauth.app.fixture.plugin.EchoKeyProvider;
import dev.httpauth.app.fixture.plugin.PluginClassLoaders;
import dev.httpauth.app.fixture.plugin.RivalEchoKeyProvider;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@link HttpAuthModule} finds plugins: {@link java.util.ServiceLoader} and a Guice Multibinder. */
class HttpAuthModulePluginTest {

    private static final OutgoingRequest REQUEST = OutgoingRequest.of("GET", URI.create("https://api.example.com/items"));

    @TempDir
    private Path directory;

    private Path echoConnectionsFile() throws IOException {
        return Files.writeString(directory.resolve("connections.yaml"), """
                connections:
                  echo:
                    auth:
                      type: echo-key
                      key: memory:echo
                """);
    }

    private HttpAuthModule echoModule(Path connections) {
        return new HttpAuthModule(connections).withSecretStore("memory", new InMemorySecretStore().put("echo", Secret.of("echo-123")));
    }

    @Test
    void serviceLoaderFindsPluginAndItAuthorizes() throws IOException {
        try (URLClassLoader loader = PluginClassLoaders.listing(directory.resolve("plugin"), List.of(EchoKeyProvider.class.getName()))) {
            Injector injector = Guice.createInjector(echoModule(echoConnectionsFile()).withPluginClassLoader(loader));

            RequestCredentials credentials = injector.getInstance(HttpAuth.class).authorize("echo", REQUEST).get();

            assertThat(credentials.headers()).singleElement().satisfies(header -> {
                assertThat(header.name()).isEqualTo("X-Echo-Key");
                assertThat(header.value().reveal()).isEqualTo("echo-123");
            });
        }
    }

    @Test
    void multibinderAddsPluginForHandWiredHosts() throws IOException {
        Injector injector = Guice.createInjector(echoModule(echoConnectionsFile()),
                binder -> HttpAuthModule.authMethodProviders(binder).addBinding().to(EchoKeyProvider.class));

        RequestCredentials credentials = injector.getInstance(HttpAuth.class).authorize("echo", REQUEST).get();

        assertThat(credentials.headers()).extracting(RequestCredentials.Header::name).containsExactly("X-Echo-Key");
        assertThat(injector.getInstance(ConnectionFileFormat.class).typeIds()).contains(EchoKey.TYPE_ID);
    }

    @Test
    void builderAddsPluginProvider() throws IOException {
        HttpAuth httpAuth = HttpAuth.builder()
                .connectionsFile(echoConnectionsFile())
                .secretStore("memory", new InMemorySecretStore().put("echo", Secret.of("echo-123")))
                .authMethodProvider(new EchoKeyProvider())
                .build();

        RequestCredentials credentials = httpAuth.authorize("echo", REQUEST).get();

        assertThat(credentials.headers()).extracting(RequestCredentials.Header::name).containsExactly("X-Echo-Key");
    }

    @Test
    void builderProviderClashStopsBuild() throws IOException {
        HttpAuth.Builder builder = HttpAuth.builder()
                .connectionsFile(echoConnectionsFile())
                .authMethodProvider(new EchoKeyProvider())
                .authMethodProvider(new RivalEchoKeyProvider());

        assertThatThrownBy(builder::build)
                .hasMessageContaining(EchoKeyProvider.class.getName())
                .hasMessageContaining(RivalEchoKeyProvider.class.getName());
    }

    @Test
    void pluginFoundTwiceCountsOnce() throws IOException {
        try (URLClassLoader loader = PluginClassLoaders.listing(directory.resolve("plugin"), List.of(EchoKeyProvider.class.getName()))) {
            Injector injector = Guice.createInjector(echoModule(echoConnectionsFile()).withPluginClassLoader(loader),
                    binder -> HttpAuthModule.authMethodProviders(binder).addBinding().to(EchoKeyProvider.class));

            assertThat(injector.getInstance(HttpAuth.class).authorize("echo", REQUEST).isRight()).isTrue();
        }
    }

    @Test
    void classPathClashStopsStartUp() throws IOException {
        List<String> providers = List.of(EchoKeyProvider.class.getName(), RivalEchoKeyProvider.class.getName());
        try (URLClassLoader loader = PluginClassLoaders.listing(directory.resolve("plugins"), providers)) {
            HttpAuthModule module = echoModule(echoConnectionsFile()).withPluginClassLoader(loader);

            assertThatThrownBy(() -> Guice.createInjector(module))
                    .isInstanceOf(CreationException.class)
                    .rootCause()
                    .isInstanceOf(InvalidPluginException.class)
                    .hasMessageContaining("Two plugins provide the auth method type 'echo-key'")
                    .hasMessageContaining(EchoKeyProvider.class.getName() + " (file:")
                    .hasMessageContaining(RivalEchoKeyProvider.class.getName() + " (file:");
        }
    }

    @Test
    void mixedSourceClashStopsStartUp() throws IOException {
        try (URLClassLoader loader = PluginClassLoaders.listing(directory.resolve("plugin"), List.of(EchoKeyProvider.class.getName()))) {
            HttpAuthModule module = echoModule(echoConnectionsFile()).withPluginClassLoader(loader);

            assertThatThrownBy(() -> Guice.createInjector(module,
                    binder -> HttpAuthModule.authMethodProviders(binder).addBinding().to(RivalEchoKeyProvider.class)))
                    .isInstanceOf(CreationException.class)
                    .rootCause()
                    .hasMessageContaining(EchoKeyProvider.class.getName())
                    .hasMessageContaining(RivalEchoKeyProvider.class.getName());
        }
    }

    @Test
    void clashStopsStartUpEvenWithoutConnectionsFile() {
        HttpAuthModule module = new HttpAuthModule(new InMemoryConnections(List.of())).withoutPluginDiscovery();

        assertThatThrownBy(() -> Guice.createInjector(module, binder -> {
            HttpAuthModule.authMethodProviders(binder).addBinding().to(EchoKeyProvider.class);
            HttpAuthModule.authMethodProviders(binder).addBinding().to(RivalEchoKeyProvider.class);
        }))
                .isInstanceOf(CreationException.class)
                .hasMessageContaining("Two plugins provide the auth method type 'echo-key'");
    }

    @Test
    void unloadableServiceEntryNamesIt() throws IOException {
        try (URLClassLoader loader = PluginClassLoaders.listing(directory.resolve("plugin"), List.of("com.example.MissingProvider"))) {
            HttpAuthModule module = echoModule(echoConnectionsFile()).withPluginClassLoader(loader);

            assertThatThrownBy(() -> Guice.createInjector(module))
                    .isInstanceOf(CreationException.class)
                    .rootCause()
                    .isInstanceOf(InvalidPluginException.class)
                    .hasMessageContaining("An auth method plugin on the class path cannot be loaded")
                    .hasMessageContaining("com.example.MissingProvider");
        }
    }

    @Test
    void withoutDiscoveryIgnoresServiceLoader() throws IOException {
        try (URLClassLoader loader = PluginClassLoaders.listing(directory.resolve("plugin"), List.of(EchoKeyProvider.class.getName()))) {
            Injector injector = Guice.createInjector(echoModule(echoConnectionsFile()).withPluginClassLoader(loader).withoutPluginDiscovery());

            assertThat(injector.getInstance(ConnectionFileFormat.class).typeIds()).doesNotContain(EchoKey.TYPE_ID);
            assertThat(injector.getInstance(HttpAuth.class).authorize("echo", REQUEST).getLeft().message())
                    .contains("'echo-key' is not a known auth method type");
        }
    }

    @Test
    void overridingModuleAddsPlugin() throws IOException {
        Injector injector = Guice.createInjector(Modules
                .override(echoModule(echoConnectionsFile()))
                .with(binder -> HttpAuthModule.authMethodProviders(binder).addBinding().to(EchoKeyProvider.class)));

        assertThat(injector.getInstance(ConnectionFileFormat.class).typeIds()).contains(EchoKey.TYPE_ID);
        assertThat(injector.getInstance(HttpAuth.class).authorize("echo", REQUEST).isRight()).isTrue();
    }
}
