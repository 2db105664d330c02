package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretStoresTest extends SecretStoreContract {

    @Override
    ResolveSecretPort storeHoldingCanary() {
        return new SecretStores(Map.of(
                "memory", new InMemorySecretStore().put("crm", Secret.of(CANARY)),
                "env", new EnvSecretStore(Map.of("OTHER", "other"))));
    }

    @Override
    SecretRef presentRef() {
        return ref("memory:crm");
    }

    @Override
    SecretRef missingRef() {
        return ref("memory:absent");
    }

    @Override
    List<SecretRef> otherFailingRefs() {
        return List.of(ref("vault:crm"), ref("env:CRM"));
    }

    @Test
    void resolveRoutesByScheme() {
        SecretStores stores = new SecretStores(Map.of(
                "env", new EnvSecretStore(Map.of("KEY", "from-env")),
                "memory", new InMemorySecretStore().put("KEY", Secret.of("from-memory"))));

        assertThat(stores.resolve(ref("env:KEY")).get().reveal()).isEqualTo("from-env");
        assertThat(stores.resolve(ref("memory:KEY")).get().reveal()).isEqualTo("from-memory");
    }

    @Test
    void resolveNamesUnknownSchemeAndKnownOnes() {
        SecretStores stores = SecretStores.standard();

        Either<AuthError, Secret> resolved = stores.resolve(ref("vault:crm/client-secret"));

        assertThat(resolved.getLeft()).isInstanceOf(AuthError.SecretUnavailable.class);
        assertThat(resolved.getLeft().message())
                .contains("vault:crm/client-secret")
                .contains("no secret store serves the scheme 'vault'")
                .contains("the configured schemes are env, file");
    }

    @Test
    void resolveWithoutStoresSaysNoneAreConfigured() {
        SecretStores stores = new SecretStores(Map.of());

        Either<AuthError, Secret> resolved = stores.resolve(ref("env:X"));

        assertThat(resolved.getLeft().message()).contains("no secret stores are configured");
    }

    @Test
    void standardServesEnvAndFile() {
        assertThat(SecretStores.standard().schemes()).containsExactly("env", "file");
    }

    @Test
    void withReturnsCopyWithOneMoreStore() {
        SecretStores standard = SecretStores.standard();

        SecretStores extended = standard.with("memory", new InMemorySecretStore().put("k", Secret.of("v")));

        assertThat(extended.schemes()).containsExactly("env", "file", "memory");
        assertThat(standard.schemes()).containsExactly("env", "file");
        assertThat(extended.resolve(ref("memory:k")).get().reveal()).isEqualTo("v");
    }

    @Test
    void withReplacesStoreOfSameScheme() {
        SecretStores stores = new SecretStores(Map.of("env", new EnvSecretStore(Map.of("K", "old"))));

        SecretStores replaced = stores.with("env", new EnvSecretStore(Map.of("K", "new")));

        assertThat(replaced.resolve(ref("env:K")).get().reveal()).isEqualTo("new");
    }

    @Test
    void constructorRejectsInvalidScheme() {
        assertThatThrownBy(() -> new SecretStores(Map.of("Env", new InMemorySecretStore())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Env'");
    }
}
