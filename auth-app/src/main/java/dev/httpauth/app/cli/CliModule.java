package dev.httpauth.app.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.util.Modules;
import dev.httpauth.adapters.store.ConnectionFileFormat;
import dev.httpauth.adapters.store.EnvSecretStore;
import dev.httpauth.adapters.store.InMemoryConnections;
import dev.httpauth.app.HttpAuth;
import dev.httpauth.app.HttpAuthModule;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Wires the command line: the process environment and terminal, and how a connections file
 * becomes an {@link HttpAuth}. Each opened file gets an injector of {@link HttpAuthModule}, whose
 * {@code env:} refs read {@link CliEnvironment#variables()}, configured by the command, with
 * {@code overrides} replacing its bindings.
 */
public final class CliModule extends AbstractModule {

    private final CliEnvironment environment;
    private final CliTerminal terminal;
    private final List<Module> overrides;

    /**
     * Creates the module with the terminal of this process.
     *
     * @param environment the variables and working directory the commands use
     * @param overrides modules whose bindings replace those of {@link HttpAuthModule}, such as a
     *     test's recording token endpoint client
     */
    public CliModule(CliEnvironment environment, Module... overrides) {
        this(environment, CliTerminal.system(), overrides);
    }

    /**
     * @param environment the variables and working directory the commands use
     * @param terminal standard input and the prompts for passphrases and secret values
     * @param overrides modules whose bindings replace those of {@link HttpAuthModule}
     */
    public CliModule(CliEnvironment environment, CliTerminal terminal, Module... overrides) {
        this.environment = environment;
        this.terminal = terminal;
        this.overrides = List.of(overrides);
    }

    @Override
    protected void configure() {
        bind(CliEnvironment.class).toInstance(environment);
        bind(CliTerminal.class).toInstance(terminal);
    }

    @Provides
    @Singleton
    ConnectionsOpener connectionsOpener() {
        EnvSecretStore environmentSecrets = new EnvSecretStore(environment.variables());
        return new ConnectionsOpener() {
            @Override
            public HttpAuth open(Path connectionsFile, UnaryOperator<HttpAuthModule> configuration) {
                HttpAuthModule module = configuration.apply(new HttpAuthModule(connectionsFile).withSecretStore("env", environmentSecrets));
                return Guice.createInjector(Modules.override(module).with(overrides)).getInstance(HttpAuth.class);
            }

            @Override
            public ConnectionFileFormat format() {
                HttpAuthModule module = new HttpAuthModule(new InMemoryConnections(List.of()));
                return Guice.createInjector(Modules.override(module).with(overrides)).getInstance(ConnectionFileFormat.class);
            }
        };
    }
}
