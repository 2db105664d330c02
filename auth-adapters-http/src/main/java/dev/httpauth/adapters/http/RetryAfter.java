package dev.httpauth.adapters.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code Retry-After} header of a token endpoint response (RFC 9110 §10.2.3): a number
 * of seconds, or an HTTP-date from which the delay is counted on the clock. The header counts only
 * on HTTP 429 and 5xx responses, the ones after which a later token request may succeed.
 */
final class RetryAfter {

    private static final Logger log = LoggerFactory.getLogger(RetryAfter.class);

    /** The obsolete asctime format of an HTTP-date, such as {@code Sun Nov  6 08:49:37 1994}. */
    private static final DateTimeFormatter ASCTIME_DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    RetryAfter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the delay that a response with {@code status} and {@code headers} requests, or
     * {@code Duration.ZERO} when the status is not 429 or 5xx, or when the header is missing or
     * invalid. An HTTP-date in the past gives zero.
     */
    Duration delay(int status, HttpHeaders headers) {
        if (status != 429 && status < 500) {
            return Duration.ZERO;
        }

        Optional<String> header = headers.firstValue("Retry-After");
        if (header.isEmpty()) {
            return Duration.ZERO;
        }

        Optional<Duration> delay = parse(header.get());
        if (delay.isEmpty()) {
            // The value stays out of the log line, because it is server text that nothing redacts.
            log.debug("Ignored the Retry-After header of an HTTP {} response: it is neither a number of seconds nor an HTTP-date", status);
        }
        return delay.orElse(Duration.ZERO);
    }

    /** Parses a header value: delta-seconds or an HTTP-date in any of its three formats (RFC 9110 §5.6.7). */
    Optional<Duration> parse(String value) {
        String trimmed = value.strip();
        if (!trimmed.isEmpty() && trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(seconds(trimmed));
        }

        Instant now = clock.instant();
        return httpDate(trimmed, now).map(date -> date.isAfter(now) ? Duration.between(now, date) : Duration.ZERO);
    }

    /** Reads delta-seconds. A number too large for a long is as good as forever, so it becomes the largest one. */
    private static Duration seconds(String digits) {
        try {
            return Duration.ofSeconds(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
    }

    private static Optional<Instant> httpDate(String text, Instant now) {
        for (DateTimeFormatter format : httpDateFormats(now)) {
            try {
                return Optional.of(ZonedDateTime.parse(text, format).toInstant());
            } catch (DateTimeException e) {
                // Not this format: try the next one.
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the IMF-fixdate format ({@code Sun, 06 Nov 1994 08:49:37 GMT}) and the two obsolete
     * formats. The rfc850-date has a two-digit year, which RFC 9110 reads as the latest year with
     * those digits that is at most 50 years after {@code now}.
     */
    private static List<DateTimeFormatter> httpDateFormats(Instant now) {
        int latestYear = now.atZone(ZoneOffset.UTC).getYear() + 50;
        DateTimeFormatter rfc850Date = new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(ChronoField.YEAR, 2, 2, latestYear - 99)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US)
                .withZone(ZoneOffset.UTC);
        return List.of(DateTimeFormatter.RFC_1123_DATE_TIME, rfc850Date, ASCTIME_DATE);
    }
}
