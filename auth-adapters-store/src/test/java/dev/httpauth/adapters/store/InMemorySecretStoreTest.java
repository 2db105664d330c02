package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemorySecretStoreTest extends SecretStoreContract {

    @Override
    ResolveSecretPort storeHoldingCanary() {
        return new InMemorySecretStore().put("crm/client-secret", Secret.of(CANARY));
    }

    @Override
    SecretRef presentRef() {
        return ref("memory:crm/client-secret");
    }

    @Override
    SecretRef missingRef() {
        return ref("memory:absent");
    }

    @Test
    void putReplacesEarlierValue() {
        InMemorySecretStore store = new InMemorySecretStore().put("key", Secret.of("first"));

        store.put("key", Secret.of("second"));

        assertThat(store.resolve(ref("memory:key")).get().reveal()).isEqualTo("second");
    }

    @Test
    void putRejectsEmptyKey() {
        InMemorySecretStore store = new InMemorySecretStore();

        assertThatThrownBy(() -> store.put("", Secret.of("value")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be empty");
    }

    @Test
    void resolveSeesPutsFromOtherThreads() throws Exception {
        InMemorySecretStore store = new InMemorySecretStore();
        int threads = 8;
        int keysPerThread = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();

        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                results.add(executor.submit(() -> {
                    start.await();
                    List<String> resolved = new ArrayList<>();
                    for (int i = 0; i < keysPerThread; i++) {
                        store.put(id + "-" + i, Secret.of("value-" + id + "-" + i));
                        resolved.add(store.resolve(ref("memory:" + id + "-" + i)).get().reveal());
                    }
                    return resolved;
                }));
            }
            start.countDown();

            for (int thread = 0; thread < threads; thread++) {
                List<String> resolved = results.get(thread).get();
                assertThat(resolved).hasSize(keysPerThread);
                assertThat(resolved.getFirst()).isEqualTo("value-" + thread + "-0");
                assertThat(resolved.getLast()).isEqualTo("value-" + thread + "-" + (keysPerThread - 1));
            }
        }
        assertThat(store.toString()).contains(threads * keysPerThread + " secrets");
    }
}
