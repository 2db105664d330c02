package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvSecretStoreTest extends SecretStoreContract {

    @Override
    ResolveSecretPort storeHoldingCanary() {
        return new EnvSecretStore(Map.of("CRM_SECRET", CANARY, "EMPTY_SECRET", ""));
    }

    @Override
    SecretRef presentRef() {
        return ref("env:CRM_SECRET");
    }

    @Override
    SecretRef missingRef() {
        return ref("env:UNSET_SECRET");
    }

    @Override
    List<SecretRef> otherFailingRefs() {
        return List.of(ref("env:EMPTY_SECRET"), ref("env:BAD-NAME"));
    }

    @Test
    void resolveExplainsHowToSetMissingVariable() {
        EnvSecretStore store = new EnvSecretStore(Map.of());

        Either<AuthError, Secret> resolved = store.resolve(ref("env:CRM_SECRET"));

        assertThat(resolved.getLeft().message())
                .contains("CRM_SECRET is not set")
                .contains("export CRM_SECRET=");
    }

    @Test
    void resolveRejectsEmptyVariable() {
        EnvSecretStore store = new EnvSecretStore(Map.of("CRM_SECRET", ""));

        Either<AuthError, Secret> resolved = store.resolve(ref("env:CRM_SECRET"));

        assertThat(resolved.getLeft().message()).contains("CRM_SECRET is set but empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BAD-NAME", "1ST_SECRET", "WITH SPACE", "DOT.NAME", "ÜMLAUT"})
    void resolveRejectsInvalidVariableName(String name) {
        EnvSecretStore store = new EnvSecretStore(Map.of(name, "value"));

        Either<AuthError, Secret> resolved = store.resolve(new SecretRef("env", name));

        assertThat(resolved.getLeft().message())
                .contains("'" + name + "' is not a valid environment variable name")
                .contains("letters, digits and '_'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"_PRIVATE", "lower_case", "A1", "X"})
    void resolveAcceptsValidVariableName(String name) {
        EnvSecretStore store = new EnvSecretStore(Map.of(name, "value"));

        Either<AuthError, Secret> resolved = store.resolve(new SecretRef("env", name));

        assertThat(resolved.get().reveal()).isEqualTo("value");
    }

    @Test
    void constructorCopiesEnvironment() {
        Map<String, String> environment = new HashMap<>(Map.of("CRM_SECRET", "first"));
        EnvSecretStore store = new EnvSecretStore(environment);

        environment.put("CRM_SECRET", "second");

        assertThat(store.resolve(ref("env:CRM_SECRET")).get().reveal()).isEqualTo("first");
    }

    @Test
    void systemReadsProcessEnvironment() {
        String name = System.getenv().keySet().stream()
                .filter(key -> key.matches("[A-Za-z_][A-Za-z0-9_]*") && !System.getenv(key).isEmpty())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The test needs one non-empty environment variable"));

        Either<AuthError, Secret> resolved = EnvSecretStore.system().resolve(new SecretRef("env", name));

        assertThat(resolved.get().reveal()).isEqualTo(System.getenv(name));
    }
}
