package dev.httpauth.app;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.httpauth.adapters.http.AuthorizingHttpClient;
import dev.httpauth.adapters.http.TokenEndpointSettings;
import dev.httpauth.adapters.store.InMemoryConnections;
import dev.httpauth.adapters.store.vault.Pkcs12SecretStore;
import dev.httpauth.adapters.store.vault.VaultSecretStore;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.ConnectionStatus;
import dev.httpauth.domain.model.ConnectionTestReport;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import dev.httpauth.domain.port.in.ConnectionAuthorizer;
import dev.httpauth.domain.port.in.ListConnectionsUseCase;
import dev.httpauth.domain.port.in.TestConnectionUseCase;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import dev.httpauth.domain.spi.AuthMethodProvider;
import io.vavr.control.Either;
import jakarta.inject.Inject;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The entry point for hosts: authorizes requests, tests and lists connections.
 *
 * <p>Hosts without Guice build one with {@link #builder()}. Hosts with Guice install
 * {@link HttpAuthModule} and inject this class or the inbound ports directly. Both ways use the
 * same bindings. Thread-safe.
 */
public final class HttpAuth {

    private final AuthorizeRequestUseCase authorizeRequest;
    private final TestConnectionUseCase testConnection;
    private final ListConnectionsUseCase listConnections;

    @Inject
    public HttpAuth(AuthorizeRequestUseCase authorizeRequest, TestConnectionUseCase testConnection, ListConnectionsUseCase listConnections) {
        this.authorizeRequest = Objects.requireNonNull(authorizeRequest, "authorizeRequest");
        this.testConnection = Objects.requireNonNull(testConnection, "testConnection");
        this.listConnections = Objects.requireNonNull(listConnections, "listConnections");
    }

    /** Starts configuring an instance without Guice. */
    public static Builder builder() {
        return new Builder();
    }

    /** See {@link AuthorizeRequestUseCase#authorize}. */
    public Either<AuthError, RequestCredentials> authorize(String connectionId, OutgoingRequest request) {
        return authorizeRequest.authorize(connectionId, request);
    }

    /** See {@link AuthorizeRequestUseCase#authorizer}. */
    public Either<AuthError, ConnectionAuthorizer> authorizer(String connectionId) {
        return authorizeRequest.authorizer(connectionId);
    }

    /**
     * Returns an {@link HttpClient} that authorizes every request of {@code connectionId} before
     * {@code delegate} sends it, and retries once after a resource server rejects a token; see
     * {@link AuthorizingHttpClient}. The client keeps the connection as it is configured now.
     *
     * @return the client, or {@code UnknownConnection} or {@code InvalidConfiguration}
     */
    public Either<AuthError, HttpClient> httpClient(String connectionId, HttpClient delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return authorizer(connectionId).map(authorizer -> new AuthorizingHttpClient(delegate, authorizer));
    }

    /** See {@link TestConnectionUseCase#test}. */
    public ConnectionTestReport test(String connectionId) {
        return testConnection.test(connectionId);
    }

    /** See {@link ListConnectionsUseCase#listConnections}. */
    public Either<AuthError, List<ConnectionStatus>> listConnections() {
        return listConnections.listConnections();
    }

    public AuthorizeRequestUseCase authorizeRequestUseCase() {
        return authorizeRequest;
    }

    public TestConnectionUseCase testConnectionUseCase() {
        return testConnection;
    }

    public ListConnectionsUseCase listConnectionsUseCase() {
        return listConnections;
    }

    /**
     * Configures an {@link HttpAuth} without Guice. Exactly one of {@link #connectionsFile} and
     * {@link #connections} must be called. {@link #build()} creates an injector from
     * {@link HttpAuthModule}, so the wiring is the one Guice hosts get.
     */
    public static final class Builder {

        private Path connectionsFile;
        private List<Connection> connections;
        private final Map<String, ResolveSecretPort> secretStores = new LinkedHashMap<>();
        private Clock clock;
        private TokenEndpointSettings tokenEndpointSettings;
        private Duration secretRotationCheck;
        private final List<AuthMethodProvider<?>> providers = new ArrayList<>();

        private Builder() {
        }

        /** Reads connections from {@code file}: JSON, or YAML when the name ends in {@code .yaml} or {@code .yml}. */
        public Builder connectionsFile(Path file) {
            this.connectionsFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Serves {@code connections}, which {@link #build()} validates. */
        public Builder connections(List<Connection> connections) {
            this.connections = List.copyOf(Objects.requireNonNull(connections, "connections"));
            return this;
        }

        /**
         * Adds a plugin's auth method, in addition to the plugins that {@link java.util.ServiceLoader}
         * finds. A type id that another plugin or a built-in method has makes {@link #build()} fail.
         */
        public Builder authMethodProvider(AuthMethodProvider<?> provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Resolves refs with the scheme {@code scheme}, such as {@code vault}, through {@code store}, replacing any standard store of that scheme. */
        public Builder secretStore(String scheme, ResolveSecretPort store) {
            secretStores.put(Objects.requireNonNull(scheme, "scheme"), Objects.requireNonNull(store, "store"));
            return this;
        }

        /** Resolves {@code vault:NAME} refs from {@code vaultFile}, unlocked with a passphrase, see {@link HttpAuthModule#withVault}. */
        public Builder vault(Path vaultFile, Supplier<char[]> passphrase) {
            return secretStore(VaultSecretStore.SCHEME, HttpAuthModule.vaultStore(vaultFile, passphrase));
        }

        /** Resolves {@code vault:NAME} refs from {@code vaultFile}, unlocked with the 32-byte {@code keyFile}. */
        public Builder vaultKeyFile(Path vaultFile, Path keyFile) {
            return secretStore(VaultSecretStore.SCHEME, HttpAuthModule.vaultKeyFileStore(vaultFile, keyFile));
        }

        /** Resolves {@code pkcs12:ALIAS} refs from the PKCS#12 keystore {@code keyStoreFile}, see {@link HttpAuthModule#withPkcs12}. */
        public Builder pkcs12(Path keyStoreFile, Supplier<char[]> password) {
            return secretStore(Pkcs12SecretStore.SCHEME, HttpAuthModule.pkcs12Store(keyStoreFile, password));
        }

        /**
         * Sets how often, at most, the client secret of a cached OAuth token is resolved again to
         * notice a rotation; {@link HttpAuthModule#DEFAULT_SECRET_ROTATION_CHECK} by default. See
         * {@link HttpAuthModule#withSecretRotationCheck}.
         */
        public Builder secretRotationCheck(Duration interval) {
            this.secretRotationCheck = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Sets the clock that decides when tokens expire and when secret rotation checks are due; a {@link CachedClock} by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sets the token endpoint timeouts and response size limit; {@link TokenEndpointSettings#defaults()} by default. */
        public Builder tokenEndpointSettings(TokenEndpointSettings settings) {
            this.tokenEndpointSettings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Creates the instance.
         *
         * @throws IllegalStateException if neither or both of a connections file and a list of
         *     connections were given
         * @throws IllegalArgumentException if the list of connections has problems, listing each,
         *     or the secret rotation check interval is negative
         */
        public HttpAuth build() {
            return Guice.createInjector(module()).getInstance(HttpAuth.class);
        }

        private Module module() {
            HttpAuthModule module = baseModule();
            for (Map.Entry<String, ResolveSecretPort> store : secretStores.entrySet()) {
                module = module.withSecretStore(store.getKey(), store.getValue());
            }
            if (tokenEndpointSettings != null) {
                module = module.withTokenEndpointSettings(tokenEndpointSettings);
            }
            if (secretRotationCheck != null) {
                module = module.withSecretRotationCheck(secretRotationCheck);
            }
            List<AuthMethodProvider<?>> addedProviders = List.copyOf(providers);
            Module withProviders = Modules.combine(module,
                    binder -> addedProviders.forEach(provider -> HttpAuthModule.authMethodProviders(binder).addBinding().toInstance(provider)));
            if (clock == null) {
                return withProviders;
            }
            Clock fixedClock = clock;
            return Modules.override(withProviders).with(binder -> binder.bind(Clock.class).toInstance(fixedClock));
        }

        private HttpAuthModule baseModule() {
            if (connectionsFile != null && connections != null) {
                throw new IllegalStateException("Both a connections file (" + connectionsFile + ") and a list of connections were given: call only one of connectionsFile(...) and connections(...)");
            }
            if (connectionsFile != null) {
                return new HttpAuthModule(connectionsFile);
            }
            if (connections != null) {
                return new HttpAuthModule(new InMemoryConnections(connections));
            }
            throw new IllegalStateException("No connections were given: call connectionsFile(path) or connections(list) before build()");
        }
    }
}
