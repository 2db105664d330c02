package dev.httpauth.app;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Inject;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import dev.httpauth.adapters.http.TokenEndpointClient;
import dev.httpauth.adapters.http.TokenEndpointSettings;
import dev.httpauth.adapters.store.ConnectionFile;
import dev.httpauth.adapters.store.ConnectionFileFormat;
import dev.httpauth.adapters.store.SecretStores;
import dev.httpauth.adapters.store.vault.Pkcs12SecretStore;
import dev.httpauth.adapters.store.vault.VaultSecretStore;
import dev.httpauth.app.events.Slf4jAuthEventPublisher;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import dev.httpauth.domain.port.in.ListConnectionsUseCase;
import dev.httpauth.domain.port.in.TestConnectionUseCase;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import dev.httpauth.domain.port.out.RequestTokenPort;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import dev.httpauth.domain.service.AuthorizationService;
import dev.httpauth.domain.service.ConnectionListService;
import dev.httpauth.domain.service.ConnectionTestService;
import dev.httpauth.domain.spi.AuthMethodProvider;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Binds every port of httpauth to its adapter and the three inbound ports to the domain services.
 *
 * <table>
 *   <caption>Bindings, all singletons</caption>
 *   <tr><th>key</th><th>bound to</th></tr>
 *   <tr><td>{@link SecretStores}, {@link ResolveSecretPort}</td><td>{@link SecretStores#standard()}, {@code vault} and
 *       {@code pkcs12} stores that fail with a reason saying how to configure them, and the stores set with
 *       {@link #withVault}, {@link #withVaultKeyFile}, {@link #withPkcs12} and {@link #withSecretStore}</td></tr>
 *   <tr><td>{@link LoadConnectionsPort}</td><td>{@link ConnectionFile#read} of the given file, accepting the schemes of the bound {@code SecretStores} and the types of the bound {@code ConnectionFileFormat}, or the given port</td></tr>
 *   <tr><td>{@link ConnectionFileFormat}</td><td>the built-in auth methods plus the plugins that {@link java.util.ServiceLoader} finds and those bound with {@link #authMethodProviders}; created when the injector is, so that two plugins with one type id stop the start-up</td></tr>
 *   <tr><td>{@link TokenEndpointSettings}</td><td>{@link TokenEndpointSettings#defaults()} or the settings given with {@link #withTokenEndpointSettings}</td></tr>
 *   <tr><td>{@link RequestTokenPort}</td><td>{@link TokenEndpointClient}</td></tr>
 *   <tr><td>{@link PublishAuthEventPort}</td><td>{@link Slf4jAuthEventPublisher}</td></tr>
 *   <tr><td>{@link Clock}</td><td>a {@link CachedClock}, which reads the system clock once per 10 ms tick while requests arrive</td></tr>
 *   <tr><td>{@link AuthorizeRequestUseCase}</td><td>the domain's {@code AuthorizationService}, which checks a cached
 *       token's client secret for a rotation as {@link #withSecretRotationCheck} sets</td></tr>
 *   <tr><td>{@link TestConnectionUseCase}, {@link ListConnectionsUseCase}</td><td>the domain services, built from the ports above</td></tr>
 * </table>
 *
 * <p>A host replaces any binding with {@code Modules.override(new HttpAuthModule(file)).with(hostModule)}.
 * The token cache lives in the {@code AuthorizeRequestUseCase} singleton, so every caller that
 * shares an injector shares its tokens.
 *
 * <p>The module is immutable: {@code with…} methods return a copy.
 */
public final class HttpAuthModule extends AbstractModule {

    /** The default minimum time between two checks of a cached token's client secret for a rotation: 30 seconds. */
    public static final Duration DEFAULT_SECRET_ROTATION_CHECK = AuthorizationService.DEFAULT_CLIENT_SECRET_CHECK;

    private final BiFunction<Set<String>, ConnectionFileFormat, LoadConnectionsPort> connectionsForSchemes;
    private final SecretStores secretStores;
    private final TokenEndpointSettings tokenEndpointSettings;
    private final Duration secretRotationCheck;
    private final Optional<ClassLoader> pluginClassLoader;

    /**
     * Serves the connections in {@code connectionsFile} (JSON, or YAML for {@code .yaml} and
     * {@code .yml}). The file is read when a port first needs it; a missing or invalid file makes
     * every call return {@code InvalidConfiguration}.
     */
    public HttpAuthModule(Path connectionsFile) {
        this(fileConnections(connectionsFile), defaultSecretStores(), TokenEndpointSettings.defaults(), DEFAULT_SECRET_ROTATION_CHECK, defaultPluginClassLoader());
    }

    /** Serves the connections of {@code connections}, such as an {@code InMemoryConnections} or a host's own repository. */
    public HttpAuthModule(LoadConnectionsPort connections) {
        this(givenConnections(connections), defaultSecretStores(), TokenEndpointSettings.defaults(), DEFAULT_SECRET_ROTATION_CHECK, defaultPluginClassLoader());
    }

    private HttpAuthModule(
            BiFunction<Set<String>, ConnectionFileFormat, LoadConnectionsPort> connectionsForSchemes,
            SecretStores secretStores,
            TokenEndpointSettings tokenEndpointSettings,
            Duration secretRotationCheck,
            Optional<ClassLoader> pluginClassLoader) {
        this.connectionsForSchemes = connectionsForSchemes;
        this.secretStores = secretStores;
        this.tokenEndpointSettings = tokenEndpointSettings;
        this.secretRotationCheck = secretRotationCheck;
        this.pluginClassLoader = pluginClassLoader;
    }

    /**
     * Returns the binder of the auth method providers for Guice hosts that add plugins by hand:
     * {@code HttpAuthModule.authMethodProviders(binder()).addBinding().toInstance(new MyProvider())}.
     * They join the plugins that {@link java.util.ServiceLoader} finds.
     */
    public static Multibinder<AuthMethodProvider<?>> authMethodProviders(Binder binder) {
        return Multibinder.newSetBinder(binder, new TypeLiteral<AuthMethodProvider<?>>() { });
    }

    /**
     * Returns a copy that resolves refs with the scheme {@code scheme} through {@code store}, replacing
     * any store of that scheme. A connections file read by the copy accepts refs of that scheme.
     */
    public HttpAuthModule withSecretStore(String scheme, ResolveSecretPort store) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(store, "store");
        return new HttpAuthModule(connectionsForSchemes, secretStores.with(scheme, store), tokenEndpointSettings, secretRotationCheck, pluginClassLoader);
    }

    /**
     * Returns a copy that resolves {@code vault:NAME} refs from the encrypted vault file
     * {@code vaultFile}, unlocked with a passphrase.
     *
     * @param passphrase called when the vault must derive its key: on the first read and after a
     *     rekey. It returns a new array each time, which the store clears. It may throw
     *     {@link KeyUnavailableException}, whose message becomes the reason of the
     *     {@code SecretUnavailable} error.
     */
    public HttpAuthModule withVault(Path vaultFile, Supplier<char[]> passphrase) {
        return withSecretStore(VaultSecretStore.SCHEME, vaultStore(vaultFile, passphrase));
    }

    /** Returns a copy that resolves {@code vault:NAME} refs from {@code vaultFile}, unlocked with the 32-byte {@code keyFile}. */
    public HttpAuthModule withVaultKeyFile(Path vaultFile, Path keyFile) {
        return withSecretStore(VaultSecretStore.SCHEME, vaultKeyFileStore(vaultFile, keyFile));
    }

    /**
     * Returns a copy that resolves {@code pkcs12:ALIAS} refs from the secret key entries of the
     * PKCS#12 keystore {@code keyStoreFile}.
     *
     * @param password called each time the keystore is loaded: first and after the file changed.
     *     It returns a new array each time, which the store clears, and may throw
     *     {@link KeyUnavailableException} as for {@link #withVault}.
     */
    public HttpAuthModule withPkcs12(Path keyStoreFile, Supplier<char[]> password) {
        return withSecretStore(Pkcs12SecretStore.SCHEME, pkcs12Store(keyStoreFile, password));
    }

    /** Returns a copy whose token endpoint client uses {@code settings} for timeouts and the response size limit. */
    public HttpAuthModule withTokenEndpointSettings(TokenEndpointSettings settings) {
        return new HttpAuthModule(connectionsForSchemes, secretStores, Objects.requireNonNull(settings, "settings"), secretRotationCheck, pluginClassLoader);
    }

    /**
     * Returns a copy that resolves the client secret of each cached OAuth token again at most once
     * per {@code interval}, during an authorize call, and drops the token when the value changed,
     * so that the next call obtains a token with the rotated secret. The default is
     * {@link #DEFAULT_SECRET_ROTATION_CHECK}; zero checks on every call.
     *
     * @throws IllegalArgumentException if {@code interval} is negative
     */
    public HttpAuthModule withSecretRotationCheck(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("The secret rotation check interval must not be negative, but was " + interval);
        }
        return new HttpAuthModule(connectionsForSchemes, secretStores, tokenEndpointSettings, interval, pluginClassLoader);
    }

    /**
     * Returns a copy that finds plugins with {@link java.util.ServiceLoader} in {@code loader}
     * instead of the class loader of this class, such as a loader over a plugin directory.
     */
    public HttpAuthModule withPluginClassLoader(ClassLoader loader) {
        return new HttpAuthModule(
                connectionsForSchemes, secretStores, tokenEndpointSettings, secretRotationCheck, Optional.of(Objects.requireNonNull(loader, "loader")));
    }

    /** Returns a copy that uses only the plugins bound with {@link #authMethodProviders}, without {@link java.util.ServiceLoader}. */
    public HttpAuthModule withoutPluginDiscovery() {
        return new HttpAuthModule(connectionsForSchemes, secretStores, tokenEndpointSettings, secretRotationCheck, Optional.empty());
    }

    @Override
    protected void configure() {
        authMethodProviders(binder());
        bind(PluginCheck.class).asEagerSingleton();
    }

    @Provides
    @Singleton
    ConnectionFileFormat connectionFileFormat(Set<AuthMethodProvider<?>> boundProviders) {
        List<AuthMethodProvider<?>> providers = new ArrayList<>();
        pluginClassLoader.ifPresent(loader -> providers.addAll(PluginDiscovery.providers(loader)));
        providers.addAll(boundProviders);
        return ConnectionFileFormat.withPlugins(providers);
    }

    @Provides
    @Singleton
    SecretStores secretStores() {
        return secretStores;
    }

    @Provides
    @Singleton
    ResolveSecretPort resolveSecretPort(SecretStores stores) {
        return stores;
    }

    @Provides
    @Singleton
    LoadConnectionsPort loadConnectionsPort(SecretStores stores, ConnectionFileFormat format) {
        return connectionsForSchemes.apply(stores.schemes(), format);
    }

    @Provides
    @Singleton
    TokenEndpointSettings tokenEndpointSettings() {
        return tokenEndpointSettings;
    }

    @Provides
    @Singleton
    RequestTokenPort requestTokenPort(TokenEndpointSettings settings) {
        return new TokenEndpointClient(settings);
    }

    @Provides
    @Singleton
    PublishAuthEventPort publishAuthEventPort() {
        return new Slf4jAuthEventPublisher();
    }

    @Provides
    @Singleton
    Clock clock() {
        return new CachedClock();
    }

    @Provides
    @Singleton
    AuthorizeRequestUseCase authorizeRequestUseCase(
            LoadConnectionsPort connections,
            ResolveSecretPort secrets,
            RequestTokenPort tokenEndpoint,
            PublishAuthEventPort events,
            Clock clock) {
        return new AuthorizationService(connections, secrets, tokenEndpoint, events, clock, secretRotationCheck);
    }

    @Provides
    @Singleton
    TestConnectionUseCase testConnectionUseCase(
            LoadConnectionsPort connections,
            ResolveSecretPort secrets,
            RequestTokenPort tokenEndpoint,
            PublishAuthEventPort events,
            Clock clock) {
        return new ConnectionTestService(connections, secrets, tokenEndpoint, events, clock);
    }

    @Provides
    @Singleton
    ListConnectionsUseCase listConnectionsUseCase(LoadConnectionsPort connections, ResolveSecretPort secrets) {
        return new ConnectionListService(connections, secrets);
    }

    static ResolveSecretPort vaultStore(Path vaultFile, Supplier<char[]> passphrase) {
        return new KeyGuardedSecretStore(new VaultSecretStore(vaultFile, passphrase));
    }

    static ResolveSecretPort vaultKeyFileStore(Path vaultFile, Path keyFile) {
        return VaultSecretStore.withKeyFile(vaultFile, keyFile);
    }

    static ResolveSecretPort pkcs12Store(Path keyStoreFile, Supplier<char[]> password) {
        return new KeyGuardedSecretStore(new Pkcs12SecretStore(keyStoreFile, password));
    }

    /** Returns the standard stores, and stand-ins for {@code vault:} and {@code pkcs12:} refs whose errors name the method that configures them. */
    private static SecretStores defaultSecretStores() {
        return SecretStores.standard()
                .with(VaultSecretStore.SCHEME, new UnconfiguredSecretStore(
                        "no vault is configured: call HttpAuthModule.withVault or withVaultKeyFile, or HttpAuth.Builder.vault or vaultKeyFile"))
                .with(Pkcs12SecretStore.SCHEME, new UnconfiguredSecretStore(
                        "no PKCS#12 keystore is configured: call HttpAuthModule.withPkcs12 or HttpAuth.Builder.pkcs12"));
    }

    private static BiFunction<Set<String>, ConnectionFileFormat, LoadConnectionsPort> fileConnections(Path connectionsFile) {
        Objects.requireNonNull(connectionsFile, "connectionsFile");
        return (schemes, format) -> ConnectionFile.read(connectionsFile, schemes, format);
    }

    private static BiFunction<Set<String>, ConnectionFileFormat, LoadConnectionsPort> givenConnections(LoadConnectionsPort connections) {
        Objects.requireNonNull(connections, "connections");
        return (schemes, format) -> connections;
    }

    private static Optional<ClassLoader> defaultPluginClassLoader() {
        return Optional.of(HttpAuthModule.class.getClassLoader());
    }

    /**
     * Creates the {@link ConnectionFileFormat} when the injector is created, so that plugins that
     * cannot be installed together stop the start-up rather than the first request.
     */
    static final class PluginCheck {

        @Inject
        PluginCheck(ConnectionFileFormat format) {
            Objects.requireNonNull(format, "format");
        }
    }
}
