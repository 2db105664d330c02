package dev.httpauth.app.cli;

import dev.httpauth.app.HttpAuthModule;
import dev.httpauth.app.UnconfiguredSecretStore;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The secret stores that the command line options configure, as a change to each
 * {@link HttpAuthModule} the command line opens.
 *
 * @param configuration applied to the module before the connections are opened
 * @param unconfiguredSchemes the schemes, such as {@code vault}, whose store is a stand-in because
 *     an option or variable is missing or names a file that does not exist. A ref with such a
 *     scheme fails with a reason that names the option to pass.
 */
record StoreConfiguration(UnaryOperator<HttpAuthModule> configuration, Set<String> unconfiguredSchemes) {

    StoreConfiguration {
        unconfiguredSchemes = Set.copyOf(unconfiguredSchemes);
    }

    /** Creates a configuration that sets up a store. */
    static StoreConfiguration configured(UnaryOperator<HttpAuthModule> configuration) {
        return new StoreConfiguration(configuration, Set.of());
    }

    /** Creates a configuration whose store for {@code scheme} fails every ref with {@code reason}. */
    static StoreConfiguration unconfigured(String scheme, String reason) {
        UnconfiguredSecretStore standIn = new UnconfiguredSecretStore(reason);
        return new StoreConfiguration(module -> module.withSecretStore(scheme, standIn), Set.of(scheme));
    }

    /** Returns a configuration that applies this one, then {@code next}. */
    StoreConfiguration andThen(StoreConfiguration next) {
        Set<String> schemes = new HashSet<>(unconfiguredSchemes);
        schemes.addAll(next.unconfiguredSchemes);
        return new StoreConfiguration(module -> next.configuration.apply(configuration.apply(module)), schemes);
    }
}
