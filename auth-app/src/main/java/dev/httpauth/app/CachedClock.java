package dev.httpauth.app;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock whose {@link #millis()} reads a time that one background thread refreshes every
 * tick, instead of asking the operating system.
 *
 * <p>A request whose token is cached needs the current time once, to compare it with the token's
 * refresh instant. Reading the system clock costs about 24 ns on a virtual machine, far more than
 * the rest of that path, while a field read costs about a nanosecond (measured in
 * {@code auth-bench}). The price is resolution: the time lags the system clock by up to one tick
 * (10 ms by default) plus the delay before the OS schedules the thread. The default token policy
 * refreshes a token at least a fifth of its lifetime before it expires, so for any token that
 * lives longer than a few ticks the lag only delays the refresh a little. A token whose refreshes keep failing
 * may be sent up to one lag after it expires, and a resource server rejects it with 401 as it
 * would after any clock skew between the two hosts.
 *
 * <p>The thread runs only while the clock is read: after an idle period (1 s by default) with no
 * read, it stops, and the next read starts it again and returns the system time. So a JVM whose
 * connections are idle runs no clock thread at all.
 *
 * <p>NOTE: when the OS does not schedule the clock thread for longer than a token's refresh
 * margin, for example on a machine overloaded for seconds, the clock falls behind by as long, and
 * callers get a token that should have been refreshed, or one that has just expired.
 *
 * <p>Thread-safe.
 */
public final class CachedClock extends Clock {

    /** The default time between two refreshes of the cached time: 10 ms. */
    public static final Duration DEFAULT_TICK = Duration.ofMillis(10);

    /** The default time without a read after which the clock thread stops: 1 s. */
    public static final Duration DEFAULT_IDLE_STOP = Duration.ofSeconds(1);

    private static final Duration MAX_TICK = Duration.ofMinutes(1);
    private static final Duration MAX_IDLE_STOP = Duration.ofHours(1);
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(CachedClock.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** No clock thread runs: the next read starts one. */
    private static final int STOPPED = 0;
    /** The clock thread runs, and no read came since its last idle check. */
    private static final int TICKING_UNREAD = 1;
    /** The clock thread runs, and a read came since its last idle check. */
    private static final int TICKING_READ = 2;

    private final long tickMillis;
    private final long ticksUntilIdleCheck;
    // One field for the thread's state and the reads it has seen, so that a read checks a single
    // value. Readers write it only to mark the first read after an idle check.
    private volatile int state = STOPPED;
    private volatile long cachedMillis;

    /** Creates a clock that refreshes its time every {@link #DEFAULT_TICK} while it is read. */
    public CachedClock() {
        this(DEFAULT_TICK, DEFAULT_IDLE_STOP);
    }

    /**
     * @param tick the time between two refreshes of the cached time: whole milliseconds from 1 ms to 1 min
     * @param idleStop the time without a read after which the clock thread stops: from one tick to 1 h
     * @throws IllegalArgumentException if a duration is outside its range or {@code tick} has a
     *     fraction of a millisecond
     */
    public CachedClock(Duration tick, Duration idleStop) {
        if (tick.compareTo(Duration.ofMillis(1)) < 0 || tick.compareTo(MAX_TICK) > 0 || tick.toNanosPart() % 1_000_000 != 0) {
            throw new IllegalArgumentException("The clock tick must be a whole number of milliseconds from 1 ms to " + MAX_TICK + ", but was " + tick);
        }
        if (idleStop.compareTo(tick) < 0 || idleStop.compareTo(MAX_IDLE_STOP) > 0) {
            throw new IllegalArgumentException("The idle stop must be from the clock tick (" + tick + ") to " + MAX_IDLE_STOP + ", but was " + idleStop);
        }
        this.tickMillis = tick.toMillis();
        this.ticksUntilIdleCheck = idleStop.toMillis() / tickMillis;
    }

    @Override
    public long millis() {
        int current = state;
        if (current == TICKING_READ) {
            return cachedMillis;
        }
        if (current == STOPPED) {
            return startTicking();
        }
        STATE.compareAndSet(this, TICKING_UNREAD, TICKING_READ);
        return cachedMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Returns this clock for UTC, and otherwise a system clock in {@code zone}, which does not cache. */
    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : Clock.system(zone);
    }

    /** Tells whether the clock thread is running. */
    boolean isTicking() {
        return state != STOPPED;
    }

    /**
     * Starts the clock thread unless another caller just did. The cached time is brought up to
     * date first, so that a caller who sees the clock ticking never reads the time from before
     * the idle period.
     *
     * @return the time written, which the caller returns, so that its next read never goes back
     */
    private long startTicking() {
        long now = System.currentTimeMillis();
        cachedMillis = now;
        if (!STATE.compareAndSet(this, STOPPED, TICKING_READ)) {
            return now;
        }
        try {
            Thread.ofPlatform().daemon().name("httpauth-cached-clock").start(this::tick);
        } catch (OutOfMemoryError | RuntimeException e) {
            // The JVM could not create the thread, for example because the process reached its
            // thread limit. The caller gets the system time, and the next read tries again,
            // instead of a cached time that no thread moves on.
            state = STOPPED;
        }
        return now;
    }

    private void tick() {
        long ticksSinceIdleCheck = 0;
        while (true) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose; stopping lets the next read start a new one.
                state = STOPPED;
                return;
            }
            cachedMillis = System.currentTimeMillis();

            ticksSinceIdleCheck++;
            if (ticksSinceIdleCheck >= ticksUntilIdleCheck) {
                ticksSinceIdleCheck = 0;
                // Read since the last check: start a new period. Otherwise stop, unless a read
                // arrives between the two steps, which the failed compare-and-set shows.
                if (!STATE.compareAndSet(this, TICKING_READ, TICKING_UNREAD) && STATE.compareAndSet(this, TICKING_UNREAD, STOPPED)) {
                    return;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "CachedClock[tick=" + tickMillis + " ms, UTC]";
    }
}
