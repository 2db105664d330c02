package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.model.Secret;
import io.vavr.control.Either;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A writer that tests run in a separate JVM to check crash safety and cross-process locking.
 *
 * <p>Usage:
 * <pre>
 *   flip VAULT KEY_FILE COUNT          rewrites secrets s000..s(COUNT-1) forever, all "old-" or
 *                                      all "new-" per write, alternating; prints "writing" first
 *   add VAULT KEY_FILE PREFIX COUNT    prints "ready", waits for a line on standard input, then
 *                                      sets PREFIX-0..PREFIX-(COUNT-1) one write each; prints "done"
 * </pre>
 * Exits with 2 and a message on standard error when a vault operation fails.
 */
public final class VaultWriterProgram {

    static final String STARTED_WRITING = "writing";

    static final String READY = "ready";

    static final String DONE = "done";

    private VaultWriterProgram() {
    }

    public static void main(String[] arguments) throws Exception {
        Path vault = Path.of(arguments[1]);
        VaultKey key = VaultKey.keyFile(Path.of(arguments[2]));
        VaultFile file = opened(vault, key);
        switch (arguments[0]) {
            case "flip" -> flip(file, Integer.parseInt(arguments[3]));
            case "add" -> add(file, arguments[3], Integer.parseInt(arguments[4]));
            default -> throw new IllegalArgumentException("Unknown mode " + arguments[0] + ": use flip or add");
        }
    }

    static String secretName(int index) {
        return "s%03d".formatted(index);
    }

    static String value(String generation, String name) {
        return generation + "-" + name;
    }

    private static void flip(VaultFile file, int count) {
        String generation = check(file.get(secretName(0))).reveal().startsWith("old-") ? "new" : "old";
        System.out.println(STARTED_WRITING);
        System.out.flush();
        while (true) {
            Map<String, Secret> secrets = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                secrets.put(secretName(i), Secret.of(value(generation, secretName(i))));
            }
            check(file.setAll(secrets));
            generation = generation.equals("old") ? "new" : "old";
        }
    }

    private static void add(VaultFile file, String prefix, int count) throws Exception {
        System.out.println(READY);
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (int i = 0; i < count; i++) {
            check(file.set(prefix + "-" + i, Secret.of("value of " + prefix + "-" + i)));
        }
        System.out.println(DONE);
        System.out.flush();
    }

    private static VaultFile opened(Path vault, VaultKey key) {
        return check(VaultFile.open(vault, key));
    }

    private static <T> T check(Either<VaultError, T> result) {
        if (result.isLeft()) {
            System.err.println(result.getLeft().message());
            System.exit(2);
        }
        return result.get();
    }
}
