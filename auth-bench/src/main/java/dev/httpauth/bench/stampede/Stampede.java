package dev.httpauth.bench.stampede;

import dev.httpauth.testkit.LoopbackAuthorizationServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;

/**
 * Lets many platform threads ask httpauth, Spring Security and google-auth-library for a token at
 * the instant the cached one expires, all against one real token endpoint on 127.0.0.1. Reports
 * the token requests per expiry and the time until every caller has received a header.
 *
 * <p>Each round moves one library's clock to 1 ms past the instant from which that library treats
 * its cached token as expired, starts the callers behind a closed gate, opens it, and waits for all
 * of them. Rounds alternate between the libraries so that machine noise falls on all three.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.httpauth.bench.stampede.Stampede [callers]
 * [warm-up rounds] [measured rounds]}, by default 256, 3 and 20.
 */
public final class Stampede {

    /** How long one round may take before its remaining callers count as unserved; it normally takes well under a second. */
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(60);

    private Stampede() {
    }

    public static void main(String[] args) throws Exception {
        int callers = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        int warmupRounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        try (LoopbackAuthorizationServer server = LoopbackAuthorizationServer.start()
                .tokenLifetime(Duration.ofHours(1))
                .registerClient(Contenders.HTTPAUTH_CLIENT, Contenders.CLIENT_SECRET)
                .registerClient(Contenders.SPRING_CLIENT, Contenders.CLIENT_SECRET)
                .registerClient(Contenders.GOOGLE_CLIENT, Contenders.CLIENT_SECRET)) {

            List<Contender> contenders = Contenders.all(server.tokenEndpoint());
            Map<String, List<RoundResult>> results = new LinkedHashMap<>();
            for (Contender contender : contenders) {
                contender.authorizationHeader();
                results.put(contender.name(), new ArrayList<>());
            }

            for (int round = 0; round < warmupRounds + rounds; round++) {
                for (Contender contender : contenders) {
                    RoundResult result = runRound(contender, server, callers);
                    if (round >= warmupRounds) {
                        results.get(contender.name()).add(result);
                    }
                }
            }

            printReport(callers, warmupRounds, rounds, results);
        }
    }

    private static RoundResult runRound(Contender contender, LoopbackAuthorizationServer server, int callers) throws Exception {
        String expiredHeader = contender.expireCachedToken();
        String[] headers = new String[callers];
        long[] servedAt = new long[callers];
        CountDownLatch ready = new CountDownLatch(callers);
        CountDownLatch gate = new CountDownLatch(1);
        AtomicBoolean failurePrinted = new AtomicBoolean();

        List<Thread> threads = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            int caller = i;
            threads.add(Thread.ofPlatform().name("stampede-caller-" + i).start(() -> {
                ready.countDown();
                try {
                    gate.await();
                    headers[caller] = contender.authorizationHeader();
                } catch (Exception e) {
                    // The caller counts as unserved below; only the first failure of a round is printed.
                    if (failurePrinted.compareAndSet(false, true)) {
                        System.err.println(contender.name() + ": caller " + caller + " failed: " + e);
                    }
                }
                servedAt[caller] = System.nanoTime();
            }));
        }

        ready.await();
        int requestsBefore = server.tokenRequestCount();
        long start = System.nanoTime();
        gate.countDown();
        long deadline = start + ROUND_TIMEOUT.toNanos();
        for (Thread thread : threads) {
            thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        int tokenRequests = server.tokenRequestCount() - requestsBefore;

        long lastServed = start;
        int unserved = 0;
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < callers; i++) {
            boolean served = !threads.get(i).isAlive() && headers[i] != null && !headers[i].equals(expiredHeader);
            if (served) {
                distinct.add(headers[i]);
                lastServed = Math.max(lastServed, servedAt[i]);
            } else {
                unserved++;
                threads.get(i).interrupt();
            }
        }
        return new RoundResult(lastServed - start, tokenRequests, distinct.size(), unserved);
    }

    private static void printReport(int callers, int warmupRounds, int rounds, Map<String, List<RoundResult>> results) {
        System.out.printf(Locale.ROOT, "Stampede: %d platform threads per round, %d warm-up and %d measured rounds per library%n%n",
                callers, warmupRounds, rounds);
        System.out.println("| library | token requests per expiry (min / median / max) | distinct tokens served (max) "
                + "| unserved callers (total) | time to all served, ms (min / median / p90 / max) |");
        System.out.println("|---|---|---|---|---|");
        for (Map.Entry<String, List<RoundResult>> entry : results.entrySet()) {
            List<RoundResult> rows = entry.getValue();
            long[] requests = sorted(rows, RoundResult::tokenRequests);
            long[] times = sorted(rows, RoundResult::allServedNanos);
            long maxDistinct = sorted(rows, RoundResult::distinctTokens)[rows.size() - 1];
            long unserved = rows.stream().mapToLong(RoundResult::unserved).sum();
            System.out.printf(Locale.ROOT, "| %s | %d / %d / %d | %d | %d | %.1f / %.1f / %.1f / %.1f |%n",
                    entry.getKey(),
                    requests[0], percentile(requests, 50), requests[requests.length - 1],
                    maxDistinct,
                    unserved,
                    millis(times[0]), millis(percentile(times, 50)), millis(percentile(times, 90)), millis(times[times.length - 1]));
        }
    }

    private static long[] sorted(List<RoundResult> rows, ToLongFunction<RoundResult> field) {
        long[] values = rows.stream().mapToLong(field).toArray();
        Arrays.sort(values);
        return values;
    }

    /** Returns the nearest-rank percentile of {@code sortedValues}. */
    private static long percentile(long[] sortedValues, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sortedValues.length);
        return sortedValues[Math.max(0, rank - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
