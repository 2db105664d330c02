package dev.httpauth.domain.service;

import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.support.MutableClock;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.TokenPolicy;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static dev.httpauth.domain.service.ScriptedRequester.TOKEN_ENDPOINT;
import static dev.httpauth.domain.service.ScriptedRequester.UNAVAILABLE;
import static dev.httpauth.domain.service.TokenCacheLifecycleTest.awaitWaitingOrTerminated;
import static dev.httpauth.domain.service.TokenCacheLifecycleTest.fixedRandom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TokenCache} under many threads: one token request per key at a time, and no caller
 * waiting while a valid token exists. The timeouts only guard against a hang; no assertion
 * depends on how fast anything runs.
 */
class TokenCacheConcurrencyTest {

    private static final int CALLERS = 64;
    private static final long HANG_GUARD_SECONDS = 30;
    private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final TokenKey KEY = new TokenKey(
            TOKEN_ENDPOINT, "crm-client", new SecretRef("env", "CRM_CLIENT_SECRET"), ClientAuthentication.CLIENT_SECRET_BASIC, List.of("crm.read"), Optional.empty(), Optional.empty());
    private static final TokenPolicy POLICY = TokenPolicy.DEFAULT;

    private final MutableClock clock = MutableClock.at(START);
    private final ExecutorService refreshPool = Executors.newCachedThreadPool();
    private final ExecutorService callerPool = Executors.newFixedThreadPool(CALLERS);
    private final TokenCache cache = new TokenCache(clock, refreshPool, fixedRandom(0.0));

    @AfterEach
    void stopPools() {
        refreshPool.shutdownNow();
        callerPool.shutdownNow();
    }

    private static String value(Either<AuthError, AccessToken> result) {
        return result.get().value().reveal();
    }

    @Test
    void noCallerWaitsForRefreshWhileTokenValid() throws Exception {
        CountDownLatch refreshStarted = new CountDownLatch(1);
        CountDownLatch releaseRefresh = new CountDownLatch(1);
        ScriptedRequester requester = ScriptedRequester.scripted(call -> {
            if (call == 2) {
                refreshStarted.countDown();
                await(releaseRefresh);
            }
            return Either.right(ScriptedRequester.token("token-" + call, clock, LIFETIME));
        });
        AccessToken first = cache.token(KEY, POLICY, requester).get();
        clock.advance(Duration.ofMinutes(50));
        cache.token(KEY, POLICY, requester);
        assertThat(refreshStarted.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("refresh started").isTrue();

        List<CompletableFuture<Either<AuthError, AccessToken>>> results = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            results.add(CompletableFuture.supplyAsync(() -> cache.token(KEY, POLICY, requester), callerPool));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        int callsWhileRefreshBlocked = requester.callCount();
        releaseRefresh.countDown();
        refreshPool.shutdown();
        assertThat(refreshPool.awaitTermination(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("refresh finished").isTrue();

        for (CompletableFuture<Either<AuthError, AccessToken>> result : results) {
            assertThat(result.join().get()).isSameAs(first);
        }
        assertThat(callsWhileRefreshBlocked).isEqualTo(2);
        assertThat(value(cache.token(KEY, POLICY, requester))).isEqualTo("token-2");
    }

    @Test
    void concurrentFirstAcquisitionSendsOneRequest() throws Exception {
        CallerGroup callers = new CallerGroup();
        ScriptedRequester requester = ScriptedRequester.scripted(call -> {
            if (call == 1) {
                callers.awaitOthersParked();
            }
            return Either.right(ScriptedRequester.token("token-" + call, clock, LIFETIME));
        });

        List<Either<AuthError, AccessToken>> results = callers.run(() -> cache.token(KEY, POLICY, requester));

        assertThat(requester.callCount()).isEqualTo(1);
        assertThat(results).hasSize(CALLERS).allSatisfy(result -> assertThat(value(result)).isEqualTo("token-1"));
    }

    @Test
    void concurrentCallersAtExpirySendOneRequest() throws Exception {
        CallerGroup callers = new CallerGroup();
        ScriptedRequester requester = ScriptedRequester.scripted(call -> {
            if (call == 2) {
                callers.awaitOthersParked();
            }
            return Either.right(ScriptedRequester.token("token-" + call, clock, LIFETIME));
        });
        cache.token(KEY, POLICY, requester);
        clock.advance(LIFETIME);

        List<Either<AuthError, AccessToken>> results = callers.run(() -> cache.token(KEY, POLICY, requester));

        assertThat(requester.callCount()).isEqualTo(2);
        assertThat(results).hasSize(CALLERS).allSatisfy(result -> assertThat(value(result)).isEqualTo("token-2"));
    }

    @Test
    void concurrentCallersShareFailureAndBackoff() throws Exception {
        CallerGroup firstWave = new CallerGroup();
        ScriptedRequester requester = ScriptedRequester.scripted(call -> {
            if (call == 1) {
                firstWave.awaitOthersParked();
            }
            return Either.left(UNAVAILABLE);
        });

        List<Either<AuthError, AccessToken>> failed = firstWave.run(() -> cache.token(KEY, POLICY, requester));
        clock.advance(Duration.ofMillis(500));
        List<Either<AuthError, AccessToken>> duringBackoff = new CallerGroup().run(() -> cache.token(KEY, POLICY, requester));

        assertThat(requester.callCount()).isEqualTo(1);
        assertThat(failed).allSatisfy(result -> assertThat(result.getLeft()).isSameAs(UNAVAILABLE));
        assertThat(duringBackoff).allSatisfy(result -> assertThat(result.getLeft()).isSameAs(UNAVAILABLE));
    }

    /**
     * Races callers on fresh keys whose first token request fails at once. A caller that looked at
     * the key before the failure was recorded must not send a second request after it. The window
     * is a few instructions wide, so a broken cache fails this test in some runs only, but a
     * correct one never does.
     */
    @Test
    void racingCallersAfterFailureSendOneRequest() throws Exception {
        int rounds = 50_000;
        int racers = 4;
        TokenCache[] caches = new TokenCache[rounds];
        AtomicInteger[] requests = new AtomicInteger[rounds];
        for (int round = 0; round < rounds; round++) {
            caches[round] = new TokenCache(clock, Runnable::run, fixedRandom(0.0));
            requests[round] = new AtomicInteger();
        }
        CyclicBarrier roundStart = new CyclicBarrier(racers);

        List<CompletableFuture<Void>> racing = new ArrayList<>();
        for (int racer = 0; racer < racers; racer++) {
            racing.add(CompletableFuture.runAsync(() -> {
                for (int round = 0; round < rounds; round++) {
                    awaitBarrier(roundStart);
                    AtomicInteger roundRequests = requests[round];
                    caches[round].token(KEY, POLICY, current -> {
                        roundRequests.incrementAndGet();
                        return Either.left(UNAVAILABLE);
                    });
                }
            }, callerPool));
        }
        CompletableFuture.allOf(racing.toArray(CompletableFuture[]::new)).get(HANG_GUARD_SECONDS * 4, TimeUnit.SECONDS);

        List<Integer> roundsWithSecondRequest = IntStream.range(0, rounds).filter(round -> requests[round].get() != 1).boxed().toList();
        assertThat(roundsWithSecondRequest).as("rounds with more than one token request").isEmpty();
    }

    private static void awaitBarrier(CyclicBarrier barrier) {
        try {
            barrier.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted at the start of a round", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new AssertionError("The racers lost step", e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("The test did not release the latch within " + HANG_GUARD_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while blocked in the token request", e);
        }
    }

    /**
     * {@link #CALLERS} platform threads that call the cache at the same time. The token request
     * can hold on until every other caller is parked, so that all callers overlap with it.
     */
    private static final class CallerGroup {

        private final List<Thread> threads = new ArrayList<>();
        private final CountDownLatch startGate = new CountDownLatch(1);
        private final CountDownLatch allPassedGate = new CountDownLatch(CALLERS);

        <T> List<T> run(Supplier<T> call) throws Exception {
            List<CompletableFuture<T>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                CompletableFuture<T> result = new CompletableFuture<>();
                results.add(result);
                threads.add(Thread.ofPlatform().name("caller-" + i).start(() -> {
                    try {
                        startGate.await();
                        allPassedGate.countDown();
                        result.complete(call.get());
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                }));
            }
            startGate.countDown();

            List<T> values = new ArrayList<>();
            for (CompletableFuture<T> result : results) {
                values.add(result.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            }
            return values;
        }

        /** Blocks the calling caller until every other caller has passed the gate and is parked or finished. */
        void awaitOthersParked() {
            await(allPassedGate);
            Thread self = Thread.currentThread();
            for (Thread thread : threads) {
                if (thread != self) {
                    awaitWaitingOrTerminated(thread);
                }
            }
        }
    }
}
