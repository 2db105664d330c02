package dev.httpauth.bench.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that does not advance: it returns the instant last given to {@link #setTo}. The stampede
 * moves each library's clock to just past the instant its cached token counts as expired and keeps
 * it there for the round. So every caller sees the old token expired and the new one fresh, even
 * in a library that takes the new token's issue time from the system clock.
 *
 * <p>Thread-safe: the instant is a volatile field.
 */
public final class SettableClock extends Clock {

    private volatile Instant now;

    public SettableClock(Instant start) {
        this.now = start;
    }

    /** Makes this clock read {@code instant} from now on. */
    public void setTo(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("SettableClock always runs in UTC");
    }
}
