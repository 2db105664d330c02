package dev.httpauth.domain.model;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** When {@link TokenPolicy} refreshes a token and how long it backs off after failures. */
class TokenPolicyScheduleTest {

    private static final Instant OBTAINED_AT = Instant.parse("2025-01-15T10:00:00Z");

    private static AccessToken tokenLasting(Duration lifetime) {
        return new AccessToken(Secret.of("token"), "Bearer", OBTAINED_AT, OBTAINED_AT.plus(lifetime), true, List.of());
    }

    /** A generator whose {@code nextDouble} is always {@code value}, so the jitter share is known. */
    private static RandomGenerator fixedRandom(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    private static final RandomGenerator NO_JITTER = fixedRandom(0.0);

    @Nested
    class RefreshInstant {

        @Test
        void shareRuleAppliesWhenEarlier() {
            TokenPolicy policy = TokenPolicy.DEFAULT.withRefreshSkew(Duration.ofSeconds(60)).withRefreshAfterShare(0.5);

            Instant refreshAt = policy.refreshAt(tokenLasting(Duration.ofHours(1)));

            assertThat(refreshAt).isEqualTo(OBTAINED_AT.plus(Duration.ofMinutes(30)));
        }

        @Test
        void skewRuleAppliesWhenEarlier() {
            TokenPolicy policy = TokenPolicy.DEFAULT.withRefreshSkew(Duration.ofMinutes(10)).withRefreshAfterShare(0.95);

            Instant refreshAt = policy.refreshAt(tokenLasting(Duration.ofHours(1)));

            assertThat(refreshAt).isEqualTo(OBTAINED_AT.plus(Duration.ofMinutes(50)));
        }

        @Test
        void defaultPolicyRefreshesAtEightyPercent() {
            Instant refreshAt = TokenPolicy.DEFAULT.refreshAt(tokenLasting(Duration.ofHours(1)));

            assertThat(refreshAt).isEqualTo(OBTAINED_AT.plus(Duration.ofMinutes(48)));
        }

        @Test
        void skewIsCappedAtHalfLifetime() {
            TokenPolicy policy = TokenPolicy.DEFAULT.withRefreshSkew(Duration.ofSeconds(60)).withRefreshAfterShare(1.0);

            Instant refreshAt = policy.refreshAt(tokenLasting(Duration.ofSeconds(60)));

            assertThat(refreshAt).isEqualTo(OBTAINED_AT.plusSeconds(30));
        }

        @Test
        void twoArgumentPolicyRefreshesBySkewOnly() {
            TokenPolicy policy = new TokenPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5));

            Instant refreshAt = policy.refreshAt(tokenLasting(Duration.ofHours(1)));

            assertThat(policy.refreshAfterShare()).isEqualTo(1.0);
            assertThat(refreshAt).isEqualTo(OBTAINED_AT.plus(Duration.ofMinutes(59)));
        }

        @Test
        void needsRefreshFromRefreshInstantOn() {
            AccessToken token = tokenLasting(Duration.ofHours(1));
            Instant refreshAt = TokenPolicy.DEFAULT.refreshAt(token);

            assertThat(TokenPolicy.DEFAULT.needsRefresh(token, refreshAt.minusNanos(1))).isFalse();
            assertThat(TokenPolicy.DEFAULT.needsRefresh(token, refreshAt)).isTrue();
        }

        @Test
        void centuriesLongLifetimeDoesNotOverflow() {
            Duration lifetime = Duration.ofDays(365L * 1_000);

            Instant refreshAt = TokenPolicy.DEFAULT.refreshAt(tokenLasting(lifetime));

            assertThat(refreshAt).isEqualTo(OBTAINED_AT.plus(Duration.ofDays(365L * 800)));
        }

        @Test
        void tokenEndingAtInstantMaxHasRefreshInstant() {
            AccessToken token = new AccessToken(Secret.of("token"), "Bearer", OBTAINED_AT, Instant.MAX, true, List.of());

            Instant refreshAt = TokenPolicy.DEFAULT.refreshAt(token);

            assertThat(refreshAt).isAfter(OBTAINED_AT).isBefore(Instant.MAX);
        }
    }

    @Nested
    class Backoff {

        private final TokenPolicy policy = TokenPolicy.DEFAULT
                .withBackoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 0.2)
                .withMaxRetryAfter(Duration.ofMinutes(5));

        @Test
        void delayDoublesUpToMax() {
            List<Duration> delays = List.of(1, 2, 3, 4, 5, 6).stream()
                    .map(failures -> policy.backoff(failures, Duration.ZERO, NO_JITTER))
                    .toList();

            assertThat(delays).containsExactly(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(4),
                    Duration.ofSeconds(8),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(10));
        }

        @Test
        void manyFailuresStayAtMax() {
            Duration delay = policy.backoff(Integer.MAX_VALUE, Duration.ZERO, NO_JITTER);

            assertThat(delay).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        void largestJitterTakesOffItsShare() {
            Duration delay = policy.backoff(4, Duration.ZERO, fixedRandom(1.0));

            assertThat(delay).isEqualTo(Duration.ofMillis(6_400));
        }

        @Test
        void seededJitterStaysWithinBounds() {
            RandomGenerator seeded = new SplittableRandom(20250115L);

            for (int failures = 1; failures <= 8; failures++) {
                Duration undisturbed = policy.backoff(failures, Duration.ZERO, NO_JITTER);
                Duration lowest = Duration.ofNanos((long) (undisturbed.toNanos() * 0.8));
                for (int sample = 0; sample < 200; sample++) {
                    Duration delay = policy.backoff(failures, Duration.ZERO, seeded);

                    assertThat(delay).as("failure %d, sample %d", failures, sample).isBetween(lowest, undisturbed);
                }
            }
        }

        @Test
        void retryAfterLongerThanDelayWins() {
            Duration delay = policy.backoff(1, Duration.ofSeconds(30), NO_JITTER);

            assertThat(delay).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void retryAfterShorterThanDelayIsIgnored() {
            Duration delay = policy.backoff(4, Duration.ofSeconds(2), NO_JITTER);

            assertThat(delay).isEqualTo(Duration.ofSeconds(8));
        }

        @Test
        void retryAfterIsCappedAtMaxRetryAfter() {
            Duration delay = policy.backoff(1, Duration.ofHours(2), NO_JITTER);

            assertThat(delay).isEqualTo(Duration.ofMinutes(5));
        }

        @Test
        void jitterDoesNotShortenRetryAfter() {
            Duration delay = policy.backoff(1, Duration.ofSeconds(30), fixedRandom(1.0));

            assertThat(delay).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void centuriesLongMaxBackoffDoesNotOverflow() {
            TokenPolicy patient = TokenPolicy.DEFAULT.withBackoff(Duration.ofSeconds(1), Duration.ofDays(365L * 1_000), 0.0);

            Duration delay = patient.backoff(100, Duration.ZERO, NO_JITTER);

            assertThat(delay).isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
        }
    }
}
