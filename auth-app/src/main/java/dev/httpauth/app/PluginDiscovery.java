package dev.httpauth.app;

import dev.httpauth.adapters.store.InvalidPluginException;
import dev.httpauth.domain.spi.AuthMethodProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the auth method plugins that a class loader offers through {@link ServiceLoader}. */
final class PluginDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDiscovery.class);

    private PluginDiscovery() {
    }

    /**
     * Creates every provider that {@code loader} lists in
     * {@code META-INF/services/dev.httpauth.domain.spi.AuthMethodProvider}.
     *
     * @throws InvalidPluginException if a listed provider cannot be loaded or created
     */
    static List<AuthMethodProvider<?>> providers(ClassLoader loader) {
        List<AuthMethodProvider<?>> providers = new ArrayList<>();
        try {
            for (AuthMethodProvider<?> provider : ServiceLoader.load(AuthMethodProvider.class, loader)) {
                LOG.debug("Found auth method plugin '{}' in {}", provider.typeId(), provider.getClass().getName());
                providers.add(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new InvalidPluginException(List.of("An auth method plugin on the class path cannot be loaded: " + e.getMessage()
                    + ". Check the plugin jar, or remove it from the class path"));
        }
        return providers;
    }
}
