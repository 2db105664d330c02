package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import static dev.httpauth.adapters.store.vault.VaultFixtures.newKeyFile;
import static dev.httpauth.adapters.store.vault.VaultFixtures.orFail;
import static dev.httpauth.adapters.store.vault.VaultWriterProgram.secretName;
import static dev.httpauth.adapters.store.vault.VaultWriterProgram.value;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a writer JVM with SIGKILL at random moments while it rewrites a vault, and checks after
 * every kill that the vault opens and contains one complete generation of values.
 *
 * <p>SIGKILL ends the process at once, between any two instructions, but the OS still completes
 * the writes the process has issued. The test therefore covers process crashes, not power loss.
 */
class VaultCrashSafetyTest {

    private static final int KILLS = 200;

    private static final int SECRETS = 40;

    private static final int MAX_DELAY_MILLIS = 60;

    @Test
    void openWhenWriterKilledThenOldOrNew(@TempDir Path directory) throws Exception {
        Path keyFile = newKeyFile(directory, "vault.key");
        Path vault = directory.resolve("crash.vault");
        VaultFile created = orFail(VaultFile.create(vault, VaultKey.keyFile(keyFile)));
        orFail(created.setAll(generation("old")));
        long seed = System.nanoTime();
        Random random = new Random(seed);

        int kills = 0;
        int killsWithTemporaryFile = 0;
        Set<String> generationsSeen = new HashSet<>();
        for (int round = 0; round < KILLS; round++) {
            Path errorFile = directory.resolve("writer-" + round + ".err");
            Process writer = JvmProcesses.start(VaultWriterProgram.class, errorFile,
                    "flip", vault.toString(), keyFile.toString(), Integer.toString(SECRETS));
            CountDownLatch started = JvmProcesses.watchFor(writer, VaultWriterProgram.STARTED_WRITING);
            assertThat(JvmProcesses.awaitSignal(started))
                    .as("writer %d started writing; its standard error: %s", round, JvmProcesses.readOrEmpty(errorFile))
                    .isTrue();

            Thread.sleep(random.nextInt(MAX_DELAY_MILLIS + 1));
            assertThat(writer.isAlive())
                    .as("writer %d still running when killed; its standard error: %s", round, JvmProcesses.readOrEmpty(errorFile))
                    .isTrue();
            writer.destroyForcibly();
            int exitCode = JvmProcesses.awaitExit(writer);
            assertThat(exitCode).as("exit code of writer %d, 128 + SIGKILL", round).isEqualTo(137);
            kills++;
            if (hasTemporaryFile(directory, vault)) {
                killsWithTemporaryFile++;
            }

            String generation = assertOneCompleteGeneration(vault, keyFile, round);
            generationsSeen.add(generation);
        }

        System.out.printf("Vault crash test: %d SIGKILLs (seed %d), %d of them interrupted a write between creating "
                        + "and renaming its temporary file; after every kill the vault opened and held one complete "
                        + "generation of %d secrets; generations seen: %s%n",
                kills, seed, killsWithTemporaryFile, SECRETS, generationsSeen);
        assertThat(kills).isGreaterThanOrEqualTo(KILLS);
        assertThat(generationsSeen).as("the writers changed the vault between kills").containsExactlyInAnyOrder("old", "new");
    }

    /** Opens the vault, checks that every secret has its old or new value, all of one generation, and returns it. */
    private static String assertOneCompleteGeneration(Path vault, Path keyFile, int round) {
        VaultFile file = orFail(VaultFile.open(vault, VaultKey.keyFile(keyFile)));
        assertThat(orFail(file.names())).as("names after kill %d", round).hasSize(SECRETS);

        Set<String> generations = new HashSet<>();
        for (int i = 0; i < SECRETS; i++) {
            String name = secretName(i);
            String stored = orFail(file.get(name)).reveal();
            assertThat(stored).as("value of %s after kill %d", name, round).isIn(value("old", name), value("new", name));
            generations.add(stored.substring(0, 3));
        }
        assertThat(generations).as("generations in the vault after kill %d", round).hasSize(1);
        return generations.iterator().next();
    }

    private static boolean hasTemporaryFile(Path directory, Path vault) throws IOException {
        String prefix = "." + vault.getFileName() + ".";
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(path -> path.getFileName().toString().startsWith(prefix));
        }
    }

    private static Map<String, Secret> generation(String generation) {
        Map<String, Secret> secrets = new LinkedHashMap<>();
        for (int i = 0; i < SECRETS; i++) {
            secrets.put(secretName(i), Secret.of(value(generation, secretName(i))));
        }
        return secrets;
    }
}
