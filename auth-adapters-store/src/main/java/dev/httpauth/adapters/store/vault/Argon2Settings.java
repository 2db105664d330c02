package dev.httpauth.adapters.store.vault;

import java.util.Optional;

/**
 * Argon2id cost parameters that turn a passphrase into a vault key.
 *
 * <p>A vault file records the parameters it was encrypted with in its header, so the defaults can
 * grow in later releases without making older files unreadable. Opening a file always uses the
 * parameters from its header; these settings only apply when a file is created or rekeyed.
 *
 * @param memoryKiB memory per derivation, in KiB (1024 bytes)
 * @param iterations number of passes over the memory
 * @param parallelism number of lanes; Bouncy Castle computes them one after the other
 */
public record Argon2Settings(int memoryKiB, int iterations, int parallelism) {

    /** Upper bound for the memory parameter, so that a damaged header cannot exhaust the heap. */
    static final int MAX_MEMORY_KIB = 1024 * 1024;

    static final int MAX_ITERATIONS = 64;

    static final int MAX_PARALLELISM = 16;

    /**
     * Validates the ranges: {@code parallelism} in 1..16, {@code iterations} in 1..64 and
     * {@code memoryKiB} from Argon2's minimum of 8 KiB per lane up to 1 GiB.
     *
     * @throws IllegalArgumentException naming the parameter out of range
     */
    public Argon2Settings {
        outOfRange(memoryKiB, iterations, parallelism).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /**
     * Returns m = 64 MiB, t = 3, p = 1: above the minimum of the OWASP Password Storage Cheat
     * Sheet for Argon2id (19 MiB, t = 2, p = 1). One derivation took about 0.3 s with Bouncy Castle
     * 1.87 on a 2-core x86-64 virtual machine; faster or slower CPUs change that estimate.
     */
    public static Argon2Settings defaults() {
        return new Argon2Settings(64 * 1024, 3, 1);
    }

    /** Returns a description of the first parameter outside its range, if any. */
    static Optional<String> outOfRange(long memoryKiB, long iterations, long parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return Optional.of("Argon2id parallelism " + parallelism + " is outside 1.." + MAX_PARALLELISM);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return Optional.of("Argon2id iterations " + iterations + " is outside 1.." + MAX_ITERATIONS);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            return Optional.of("Argon2id memory " + memoryKiB + " KiB is outside "
                    + 8 * parallelism + ".." + MAX_MEMORY_KIB + " KiB");
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "Argon2id(m=" + memoryKiB + " KiB, t=" + iterations + ", p=" + parallelism + ")";
    }
}
