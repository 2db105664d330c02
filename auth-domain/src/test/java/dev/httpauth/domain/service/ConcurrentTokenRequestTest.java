package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.support.FakeConnections;
import dev.httpauth.domain.support.FakeSecretStore;
import dev.httpauth.domain.support.MutableClock;
import dev.httpauth.domain.support.RecordingEvents;
import dev.httpauth.domain.support.ScriptedTokenEndpoint;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import static dev.httpauth.domain.support.Fixtures.CLIENT_SECRET_REF;
import static dev.httpauth.domain.support.Fixtures.GET_ORDERS;
import static dev.httpauth.domain.support.Fixtures.START;
import static dev.httpauth.domain.support.Fixtures.bearerGrant;
import static dev.httpauth.domain.support.Fixtures.oauthMethod;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentTokenRequestTest {

    private static final int CALLERS = 32;

    /** Guards against a hang only. No assertion depends on how fast anything runs. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);

    private final List<Thread> callers = new ArrayList<>();
    private final CountDownLatch startGate = new CountDownLatch(1);
    private final CountDownLatch allStarted = new CountDownLatch(CALLERS);

    @Test
    void concurrentCallersShareOneTokenRequest() throws InterruptedException {
        // The first token request blocks until every other caller is parked waiting for its result,
        // so all callers overlap with it. Any further request, which only a broken cache would send,
        // returns another token at once.
        ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.responding(call -> {
            if (call == 1) {
                awaitOtherCallersWaiting();
            }
            return Either.right(bearerGrant("token-" + call, Duration.ofHours(1)));
        });
        AuthorizationService service = new AuthorizationService(
                FakeConnections.of(new Connection("crm", oauthMethod())),
                new FakeSecretStore().with(CLIENT_SECRET_REF, "client-secret"),
                tokenEndpoint,
                new RecordingEvents(),
                MutableClock.at(START));
        AtomicReferenceArray<String> headers = new AtomicReferenceArray<>(CALLERS);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < CALLERS; i++) {
            int caller = i;
            callers.add(Thread.ofPlatform().name("caller-" + caller).unstarted(() -> {
                try {
                    startGate.await();
                    allStarted.countDown();
                    Either<AuthError, RequestCredentials> result = service.authorize("crm", GET_ORDERS);
                    headers.set(caller, result.fold(AuthError::message, credentials -> credentials.headers().getFirst().value().reveal()));
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }

        callers.forEach(Thread::start);
        startGate.countDown();
        for (Thread caller : callers) {
            caller.join(HANG_GUARD);
        }

        assertThat(callers).noneMatch(Thread::isAlive);
        assertThat(failures).isEmpty();
        assertThat(tokenEndpoint.requestCount()).isEqualTo(1);
        for (int i = 0; i < CALLERS; i++) {
            assertThat(headers.get(i)).as("header of caller %d", i).isEqualTo("Bearer token-1");
        }
    }

    /**
     * Blocks the calling thread until every other caller has started and is either waiting or
     * finished. A caller that waits is parked on the shared token request.
     */
    private void awaitOtherCallersWaiting() {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        try {
            if (!allStarted.await(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("Not every caller started within " + HANG_GUARD);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for callers", e);
        }
        Thread self = Thread.currentThread();
        while (!callers.stream().filter(caller -> caller != self).allMatch(ConcurrentTokenRequestTest::waitingOrFinished)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Callers still running after " + HANG_GUARD + ": "
                        + callers.stream().filter(caller -> caller != self && !waitingOrFinished(caller)).map(Thread::getName).toList());
            }
            Thread.onSpinWait();
        }
    }

    private static boolean waitingOrFinished(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TERMINATED;
    }
}
