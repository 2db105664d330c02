package dev.httpauth.adapters.http;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    /** Wednesday, 15 January 2025, 10:00:00 UTC. */
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

    private final RetryAfter retryAfter = new RetryAfter(Clock.fixed(NOW, ZoneOffset.UTC));

    private static HttpHeaders retryAfterHeader(String value) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(value)), (name, headerValue) -> true);
    }

    @Test
    void deltaSecondsAreRead() {
        assertThat(retryAfter.parse("120")).contains(Duration.ofSeconds(120));
    }

    @Test
    void zeroSecondsAreRead() {
        assertThat(retryAfter.parse("0")).contains(Duration.ZERO);
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(retryAfter.parse(" 30 ")).contains(Duration.ofSeconds(30));
    }

    @Test
    void secondsBeyondLongBecomeLongest() {
        assertThat(retryAfter.parse("99999999999999999999999")).contains(Duration.ofSeconds(Long.MAX_VALUE));
    }

    @Test
    void imfFixdateIsCountedFromClock() {
        assertThat(retryAfter.parse("Wed, 15 Jan 2025 10:00:45 GMT")).contains(Duration.ofSeconds(45));
    }

    @Test
    void rfc850DateIsCountedFromClock() {
        assertThat(retryAfter.parse("Wednesday, 15-Jan-25 10:02:00 GMT")).contains(Duration.ofMinutes(2));
    }

    @Test
    void asctimeDateIsCountedFromClock() {
        assertThat(retryAfter.parse("Wed Jan 15 10:01:00 2025")).contains(Duration.ofMinutes(1));
    }

    @Test
    void asctimeDateWithOneDigitDayIsRead() {
        RetryAfter earlyInMonth = new RetryAfter(Clock.fixed(Instant.parse("2025-01-06T08:00:00Z"), ZoneOffset.UTC));

        assertThat(earlyInMonth.parse("Mon Jan  6 08:00:10 2025")).contains(Duration.ofSeconds(10));
    }

    @Test
    void dateInPastGivesZero() {
        assertThat(retryAfter.parse("Tue, 14 Jan 2025 10:00:00 GMT")).contains(Duration.ZERO);
    }

    @Test
    void invalidValuesAreIgnored() {
        for (String value : List.of("", "soon", "-5", "1.5", "+30", "Wed, 32 Jan 2025 10:00:00 GMT", "Mon, 15 Jan 2025 10:00:45 GMT")) {
            assertThat(retryAfter.parse(value)).as("Retry-After '%s'", value).isEmpty();
        }
    }

    @Test
    void delayCountsOnRetryableStatuses() {
        for (int status : List.of(429, 500, 502, 503, 504)) {
            assertThat(retryAfter.delay(status, retryAfterHeader("30"))).as("status %d", status).isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void delayIsZeroOnOtherStatuses() {
        for (int status : List.of(200, 301, 400, 401, 403)) {
            assertThat(retryAfter.delay(status, retryAfterHeader("30"))).as("status %d", status).isZero();
        }
    }

    @Test
    void delayIsZeroWithoutHeader() {
        HttpHeaders none = HttpHeaders.of(Map.of(), (name, value) -> true);

        assertThat(retryAfter.delay(503, none)).isZero();
    }

    @Test
    void delayIsZeroForInvalidHeader() {
        assertThat(retryAfter.delay(503, retryAfterHeader("later"))).isZero();
    }
}
