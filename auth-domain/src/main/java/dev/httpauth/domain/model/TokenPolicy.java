package dev.httpauth.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The numbers that govern an access token's life in the cache, and how failed token requests
 * are retried.
 *
 * <p>A token is <em>fresh</em> until its {@link #refreshAt refresh instant}. After that, and
 * while it has not expired, callers still get it and the first of them starts one background
 * refresh. Once it has expired, callers wait for a new token.
 *
 * <p>After a failed token request, the next request waits for a back-off delay: {@link
 * #initialBackoff} doubled for each further consecutive failure up to {@link #maxBackoff}, less a
 * random share of up to {@link #jitter} so that many clients do not retry in step. A
 * {@code Retry-After} from the server lengthens the delay, up to {@link #maxRetryAfter}. Callers
 * that find no valid token during the delay get the last error at once.
 *
 * @param refreshSkew refresh when the token expires within this time; capped at half the token's
 *     lifetime so that a short-lived token is still used for a while. Default 60 s.
 * @param refreshAfterShare refresh once this share of the token's lifetime has passed, in
 *     (0, 1]. Default 0.8. The earlier of the two rules applies.
 * @param defaultLifetime the lifetime assumed when the token response has no {@code expires_in}.
 *     Default 5 min.
 * @param initialBackoff the delay after the first failure. Default 1 s.
 * @param maxBackoff the longest delay between attempts. Default 2 min.
 * @param jitter the largest share of a delay taken off at random, in [0, 1). Default 0.2.
 * @param maxRetryAfter the longest {@code Retry-After} honoured. Default 5 min.
 */
public record TokenPolicy(
        Duration refreshSkew,
        double refreshAfterShare,
        Duration defaultLifetime,
        Duration initialBackoff,
        Duration maxBackoff,
        double jitter,
        Duration maxRetryAfter) {

    /** The maximum duration a long counts in nanoseconds, about 292 years. */
    private static final Duration MAX_NANOS_DURATION = Duration.ofNanos(Long.MAX_VALUE);

    /** The defaults listed on each component. */
    public static final TokenPolicy DEFAULT = new TokenPolicy(
            Duration.ofSeconds(60),
            0.8,
            Duration.ofMinutes(5),
            Duration.ofSeconds(1),
            Duration.ofMinutes(2),
            0.2,
            Duration.ofMinutes(5));

    /**
     * Creates a policy.
     *
     * @throws IllegalArgumentException naming the first value out of range, as {@link #problems} describes it
     */
    public TokenPolicy {
        Objects.requireNonNull(refreshSkew, "refreshSkew");
        Objects.requireNonNull(defaultLifetime, "defaultLifetime");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        List<ConfigProblem> problems = rangeProblems(
                refreshSkew, refreshAfterShare, defaultLifetime, initialBackoff, maxBackoff, jitter, maxRetryAfter, false);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.getFirst().path() + " " + problems.getFirst().message());
        }
    }

    /**
     * Creates a policy that refreshes only by {@code refreshSkew} (a {@code refreshAfterShare} of
     * 1) and backs off with the defaults.
     */
    public TokenPolicy(Duration refreshSkew, Duration defaultLifetime) {
        this(refreshSkew, 1.0, defaultLifetime, DEFAULT.initialBackoff(), DEFAULT.maxBackoff(), DEFAULT.jitter(), DEFAULT.maxRetryAfter());
    }

    /**
     * Creates a policy from configuration in which every value is optional: each {@code null}
     * takes the value of {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException if a given value is out of range
     */
    public static TokenPolicy withDefaultsFor(
            Duration refreshSkew,
            Double refreshAfterShare,
            Duration defaultLifetime,
            Duration initialBackoff,
            Duration maxBackoff,
            Double jitter,
            Duration maxRetryAfter) {
        return new TokenPolicy(
                refreshSkew == null ? DEFAULT.refreshSkew : refreshSkew,
                refreshAfterShare == null ? DEFAULT.refreshAfterShare : refreshAfterShare,
                defaultLifetime == null ? DEFAULT.defaultLifetime : defaultLifetime,
                initialBackoff == null ? DEFAULT.initialBackoff : initialBackoff,
                maxBackoff == null ? DEFAULT.maxBackoff : maxBackoff,
                jitter == null ? DEFAULT.jitter : jitter,
                maxRetryAfter == null ? DEFAULT.maxRetryAfter : maxRetryAfter);
    }

    /**
     * Checks values from configuration, as {@link #withDefaultsFor} takes them, without throwing.
     * Each {@code null} takes the value of {@link #DEFAULT}.
     *
     * @return one problem per value out of range, whose path is the component's name, such as
     *     {@code refreshAfterShare}; empty when {@link #withDefaultsFor} accepts the values
     */
    public static List<ConfigProblem> problems(
            Duration refreshSkew,
            Double refreshAfterShare,
            Duration defaultLifetime,
            Duration initialBackoff,
            Duration maxBackoff,
            Double jitter,
            Duration maxRetryAfter) {
        return rangeProblems(
                refreshSkew == null ? DEFAULT.refreshSkew : refreshSkew,
                refreshAfterShare == null ? DEFAULT.refreshAfterShare : refreshAfterShare,
                defaultLifetime == null ? DEFAULT.defaultLifetime : defaultLifetime,
                initialBackoff == null ? DEFAULT.initialBackoff : initialBackoff,
                maxBackoff == null ? DEFAULT.maxBackoff : maxBackoff,
                jitter == null ? DEFAULT.jitter : jitter,
                maxRetryAfter == null ? DEFAULT.maxRetryAfter : maxRetryAfter,
                initialBackoff != null && maxBackoff == null);
    }

    /** Returns this policy with another refresh skew. */
    public TokenPolicy withRefreshSkew(Duration skew) {
        return new TokenPolicy(skew, refreshAfterShare, defaultLifetime, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    /** Returns this policy with another share of the lifetime after which a token is refreshed. */
    public TokenPolicy withRefreshAfterShare(double share) {
        return new TokenPolicy(refreshSkew, share, defaultLifetime, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    /** Returns this policy with another lifetime for tokens without {@code expires_in}. */
    public TokenPolicy withDefaultLifetime(Duration lifetime) {
        return new TokenPolicy(refreshSkew, refreshAfterShare, lifetime, initialBackoff, maxBackoff, jitter, maxRetryAfter);
    }

    /** Returns this policy with other back-off bounds and jitter. */
    public TokenPolicy withBackoff(Duration initial, Duration max, double jitterShare) {
        return new TokenPolicy(refreshSkew, refreshAfterShare, defaultLifetime, initial, max, jitterShare, maxRetryAfter);
    }

    /** Returns this policy with another cap on {@code Retry-After}. */
    public TokenPolicy withMaxRetryAfter(Duration cap) {
        return new TokenPolicy(refreshSkew, refreshAfterShare, defaultLifetime, initialBackoff, maxBackoff, jitter, cap);
    }

    /**
     * Returns the instant from which {@code token} is refreshed: the earlier of
     * {@code obtainedAt + refreshAfterShare * lifetime} and
     * {@code expiresAt - min(refreshSkew, lifetime / 2)}.
     */
    public Instant refreshAt(AccessToken token) {
        Duration lifetime = token.lifetime();
        Duration halfLifetime = lifetime.dividedBy(2);
        Duration skew = refreshSkew.compareTo(halfLifetime) <= 0 ? refreshSkew : halfLifetime;
        Instant bySkew = token.expiresAt().minus(skew);
        Instant byShare = token.obtainedAt().plus(shareOf(lifetime, refreshAfterShare));
        return byShare.isBefore(bySkew) ? byShare : bySkew;
    }

    /** Tells whether {@code token} should be refreshed at {@code now}, see {@link #refreshAt}. */
    public boolean needsRefresh(AccessToken token, Instant now) {
        return !now.isBefore(refreshAt(token));
    }

    /**
     * Returns the delay before the next token request after {@code failures} consecutive
     * failures: {@code min(maxBackoff, initialBackoff * 2^(failures - 1))}, less a random share
     * of up to {@code jitter}, and at least {@code min(retryAfter, maxRetryAfter)} when the server
     * sent a {@code Retry-After}.
     *
     * @param failures consecutive failures so far, at least 1
     * @param retryAfter the server's {@code Retry-After}, or {@code Duration.ZERO} for none
     */
    public Duration backoff(int failures, Duration retryAfter, RandomGenerator random) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 62);
        long initialNanos = saturatedNanos(initialBackoff);
        long exponential = doublings >= Long.numberOfLeadingZeros(initialNanos) - 1 ? Long.MAX_VALUE : initialNanos << doublings;
        long capped = Math.min(exponential, saturatedNanos(maxBackoff));
        long jittered = capped - (long) (capped * jitter * random.nextDouble());
        Duration delay = Duration.ofNanos(jittered);
        Duration honoured = retryAfter.compareTo(maxRetryAfter) <= 0 ? retryAfter : maxRetryAfter;
        return honoured.compareTo(delay) > 0 ? honoured : delay;
    }

    /**
     * Returns {@code share} of {@code lifetime}. A long counts nanoseconds for about 292 years
     * only, so longer lifetimes are scaled in whole seconds.
     */
    private static Duration shareOf(Duration lifetime, double share) {
        if (lifetime.compareTo(MAX_NANOS_DURATION) <= 0) {
            return Duration.ofNanos((long) (lifetime.toNanos() * share));
        }
        return Duration.ofSeconds((long) (lifetime.getSeconds() * share));
    }

    /** Returns {@code duration} in nanoseconds, or {@code Long.MAX_VALUE} when it is longer. */
    private static long saturatedNanos(Duration duration) {
        return duration.compareTo(MAX_NANOS_DURATION) <= 0 ? duration.toNanos() : Long.MAX_VALUE;
    }

    /**
     * Checks each value against its range, in the order of the components.
     *
     * @param maxBackoffIsDefault whether {@code maxBackoff} is the default while {@code
     *     initialBackoff} was set, so that a conflict between them is reported at {@code
     *     initialBackoff}, the value the user wrote
     */
    private static List<ConfigProblem> rangeProblems(
            Duration refreshSkew,
            double refreshAfterShare,
            Duration defaultLifetime,
            Duration initialBackoff,
            Duration maxBackoff,
            double jitter,
            Duration maxRetryAfter,
            boolean maxBackoffIsDefault) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (refreshSkew.isNegative()) {
            problems.add(new ConfigProblem("refreshSkew", "must not be negative, but is " + refreshSkew
                    + ": use a duration such as PT60S, or PT0S to refresh by refreshAfterShare only"));
        }
        if (!(refreshAfterShare > 0 && refreshAfterShare <= 1)) {
            problems.add(new ConfigProblem("refreshAfterShare", "must be greater than 0 and at most 1, but is " + refreshAfterShare
                    + ": it is the share of the token's lifetime after which the token is refreshed, such as 0.8"));
        }
        positiveProblem("defaultLifetime", defaultLifetime, "PT5M").ifPresent(problems::add);
        positiveProblem("initialBackoff", initialBackoff, "PT1S").ifPresent(problems::add);
        positiveProblem("maxBackoff", maxBackoff, "PT2M").ifPresent(problems::add);
        if (!(jitter >= 0 && jitter < 1)) {
            problems.add(new ConfigProblem("jitter", "must be at least 0 and less than 1, but is " + jitter
                    + ": it is the largest share of a retry delay that is taken off at random, such as 0.2"));
        }
        if (maxRetryAfter.isNegative()) {
            problems.add(new ConfigProblem("maxRetryAfter", "must not be negative, but is " + maxRetryAfter
                    + ": use a duration such as PT5M, or PT0S to ignore Retry-After"));
        }
        backoffOrderProblem(initialBackoff, maxBackoff, maxBackoffIsDefault).ifPresent(problems::add);
        return problems;
    }

    private static Optional<ConfigProblem> positiveProblem(String name, Duration value, String example) {
        if (value.isNegative() || value.isZero()) {
            return Optional.of(new ConfigProblem(name, "must be longer than zero, but is " + value + ": use a duration such as " + example));
        }
        return Optional.empty();
    }

    /** Reports a {@code maxBackoff} shorter than {@code initialBackoff}, unless one of them is already out of range. */
    private static Optional<ConfigProblem> backoffOrderProblem(Duration initialBackoff, Duration maxBackoff, boolean maxBackoffIsDefault) {
        boolean bothPositive = initialBackoff.isPositive() && maxBackoff.isPositive();
        if (!bothPositive || maxBackoff.compareTo(initialBackoff) >= 0) {
            return Optional.empty();
        }
        if (maxBackoffIsDefault) {
            return Optional.of(new ConfigProblem("initialBackoff", "is " + initialBackoff + ", longer than maxBackoff, which is "
                    + maxBackoff + " by default: shorten it, or set maxBackoff"));
        }
        return Optional.of(new ConfigProblem("maxBackoff", "is " + maxBackoff + ", shorter than initialBackoff " + initialBackoff
                + ": make it at least as long as initialBackoff"));
    }
}
