package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.httpauth.adapters.store.vault.VaultFixtures.newKeyFile;
import static dev.httpauth.adapters.store.vault.VaultFixtures.orFail;
import static org.assertj.core.api.Assertions.assertThat;

class VaultConcurrencyTest {

    private static final int WRITES_PER_WRITER = 50;

    @Test
    void setWhenTwoProcessesThenNoLostUpdate(@TempDir Path directory) throws Exception {
        Path keyFile = newKeyFile(directory, "vault.key");
        Path vault = directory.resolve("shared.vault");
        orFail(VaultFile.create(vault, VaultKey.keyFile(keyFile)));
        List<String> prefixes = List.of("a", "b");

        List<Process> writers = new ArrayList<>();
        List<CountDownLatch> readiness = new ArrayList<>();
        for (String prefix : prefixes) {
            Process writer = JvmProcesses.start(VaultWriterProgram.class, directory.resolve(prefix + ".err"),
                    "add", vault.toString(), keyFile.toString(), prefix, Integer.toString(WRITES_PER_WRITER));
            writers.add(writer);
            readiness.add(JvmProcesses.watchFor(writer, VaultWriterProgram.READY));
        }
        for (CountDownLatch ready : readiness) {
            assertThat(JvmProcesses.awaitSignal(ready)).as("writer ready").isTrue();
        }
        // Both writers are loaded and waiting, so their writes overlap once they read this line.
        for (Process writer : writers) {
            try (Writer input = writer.outputWriter()) {
                input.write("go\n");
            }
        }
        for (int i = 0; i < writers.size(); i++) {
            assertThat(JvmProcesses.awaitExit(writers.get(i)))
                    .as("exit code of writer %s; its standard error: %s", prefixes.get(i),
                            JvmProcesses.readOrEmpty(directory.resolve(prefixes.get(i) + ".err")))
                    .isZero();
        }

        VaultFile file = orFail(VaultFile.open(vault, VaultKey.keyFile(keyFile)));
        assertThat(orFail(file.names())).hasSize(prefixes.size() * WRITES_PER_WRITER);
        for (String prefix : prefixes) {
            for (int i = 0; i < WRITES_PER_WRITER; i++) {
                String name = prefix + "-" + i;
                assertThat(orFail(file.get(name)).reveal()).as("value of %s", name).isEqualTo("value of " + name);
            }
        }
    }

    @Test
    void setWhenManyThreadsThenNoLostUpdate(@TempDir Path directory) throws Exception {
        Path keyFile = newKeyFile(directory, "vault.key");
        Path vault = directory.resolve("threads.vault");
        orFail(VaultFile.create(vault, VaultKey.keyFile(keyFile)));
        int threads = 4;
        int writesPerThread = 25;
        CountDownLatch start = new CountDownLatch(1);

        List<Future<?>> results = new ArrayList<>();
        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                String prefix = "t" + t;
                VaultFile handle = orFail(VaultFile.open(vault, VaultKey.keyFile(keyFile)));
                results.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < writesPerThread; i++) {
                        orFail(handle.set(prefix + "-" + i, Secret.of(prefix + " value " + i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> result : results) {
                result.get();
            }
        }

        VaultFile file = orFail(VaultFile.open(vault, VaultKey.keyFile(keyFile)));
        assertThat(orFail(file.names())).hasSize(threads * writesPerThread);
        assertThat(orFail(file.get("t3-24")).reveal()).isEqualTo("t3 value 24");
    }
}
