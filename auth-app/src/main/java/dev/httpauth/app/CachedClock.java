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

    private static final VarHandle TICKING;

    static {
        try {
            TICKING = MethodHandles.lookup().findVarHandle(CachedClock.class, "ticking", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long tickMillis;
    private final long ticksUntilIdleCheck;
    // A volatile field with a VarHandle rather than an AtomicBoolean, which would cost every read one more load.
    private volatile boolean ticking;
    private volatile long cachedMillis;
    private volatile boolean readSinceIdleCheck;

    /** Creates a clock that refreshes its time every {@link #DEFAULT_TICK} while it is read. */
    public CachedClock() {
        this(DEFAULT_TICK, DEFAULT_IDLE_STOP);
    }

    /**
     * @param tick the time between two refreshes of the cached time, at least 1 ms
     * @param idleStop the time without a read after which the clock thread stops, at least one tick
     * @throws IllegalArgumentException if {@code tick} is under 1 ms or {@code idleStop} is shorter than {@code tick}
     */
    public CachedClock(Duration tick, Duration idleStop) {
        if (tick.toMillis() < 1) {
            throw new IllegalArgumentException("The clock tick must be at least 1 ms, but was " + tick);
        }
        if (idleStop.compareTo(tick) < 0) {
            throw new IllegalArgumentException("The idle stop (" + idleStop + ") must not be shorter than the clock tick (" + tick + ")");
        }
        this.tickMillis = tick.toMillis();
        this.ticksUntilIdleCheck = idleStop.toMillis() / tickMillis;
    }

    @Override
    public long millis() {
        if (!ticking) {
            startTicking();
            return System.currentTimeMillis();
        }
        // Written only when unset, so that callers on many threads do not keep writing one cache line.
        if (!readSinceIdleCheck) {
            readSinceIdleCheck = true;
        }
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
        return ticking;
    }

    private void startTicking() {
        if (!TICKING.compareAndSet(this, false, true)) {
            return;
        }
        cachedMillis = System.currentTimeMillis();
        readSinceIdleCheck = true;
        Thread.ofPlatform().daemon().name("httpauth-cached-clock").start(this::tick);
    }

    private void tick() {
        long ticksSinceIdleCheck = 0;
        while (true) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose; stopping lets the next read start a new one.
                ticking = false;
                return;
            }
            cachedMillis = System.currentTimeMillis();

            ticksSinceIdleCheck++;
            if (ticksSinceIdleCheck >= ticksUntilIdleCheck) {
                ticksSinceIdleCheck = 0;
                if (!readSinceIdleCheck) {
                    ticking = false;
                    return;
                }
                readSinceIdleCheck = false;
            }
        }
    }

    @Override
    public String toString() {
        return "CachedClock[tick=" + tickMillis + " ms, UTC]";
    }
}
