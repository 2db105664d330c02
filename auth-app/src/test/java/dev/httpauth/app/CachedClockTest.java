package dev.httpauth.app;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedClockTest {

    // Generous, because a loaded CI machine may delay the clock thread; the tick itself is 5 ms.
    private static final long ALLOWED_LAG_MILLIS = 2_000;

    @Test
    void timeFollowsSystemClock() throws InterruptedException {
        CachedClock clock = new CachedClock(Duration.ofMillis(5), Duration.ofSeconds(10));

        long first = clock.millis();
        Thread.sleep(200);
        long later = clock.millis();
        long system = System.currentTimeMillis();

        assertThat(later).isGreaterThan(first);
        assertThat(later).isBetween(system - ALLOWED_LAG_MILLIS, system);
    }

    @Test
    void firstReadStartsThread() {
        CachedClock clock = new CachedClock(Duration.ofMillis(5), Duration.ofSeconds(10));
        boolean tickingBefore = clock.isTicking();

        long millis = clock.millis();

        assertThat(tickingBefore).isFalse();
        assertThat(clock.isTicking()).isTrue();
        assertThat(millis).isLessThanOrEqualTo(System.currentTimeMillis());
    }

    @Test
    void idleClockStopsAndRestartsOnRead() throws InterruptedException {
        CachedClock clock = new CachedClock(Duration.ofMillis(5), Duration.ofMillis(20));
        clock.millis();

        boolean stopped = waitUntilStopped(clock, Duration.ofSeconds(10));
        long afterRestart = clock.millis();

        assertThat(stopped).as("the thread stops after 20 ms without a read").isTrue();
        assertThat(clock.isTicking()).isTrue();
        assertThat(afterRestart).isBetween(System.currentTimeMillis() - ALLOWED_LAG_MILLIS, System.currentTimeMillis());
    }

    @Test
    void instantMatchesMillis() {
        CachedClock clock = new CachedClock();

        long before = clock.millis();
        long instant = clock.instant().toEpochMilli();

        assertThat(instant).isGreaterThanOrEqualTo(before);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void otherZoneGetsSystemClock() {
        CachedClock clock = new CachedClock();

        Clock zoned = clock.withZone(ZoneId.of("Europe/Oslo"));

        assertThat(zoned.getZone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }

    @Test
    void tickUnderOneMillisecondIsRejected() {
        assertThatThrownBy(() -> new CachedClock(Duration.ofNanos(500_000), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The clock tick must be a whole number of milliseconds from 1 ms to PT1M, but was PT0.0005S");
    }

    @Test
    void idleStopShorterThanTickIsRejected() {
        assertThatThrownBy(() -> new CachedClock(Duration.ofMillis(10), Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The idle stop must be from the clock tick (PT0.01S) to PT1H, but was PT0.005S");
    }

    @Test
    void fractionalTickIsRejected() {
        assertThatThrownBy(() -> new CachedClock(Duration.ofNanos(1_500_000), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole number of milliseconds");
    }

    @Test
    void hugeTickIsRejected() {
        assertThatThrownBy(() -> new CachedClock(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 1 ms to PT1M");
    }

    private static boolean waitUntilStopped(CachedClock clock, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (clock.isTicking() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return !clock.isTicking();
    }
}
