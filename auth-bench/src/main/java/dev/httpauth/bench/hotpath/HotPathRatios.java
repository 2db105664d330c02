package dev.httpauth.bench.hotpath;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints the hot-path results of one or more JMH runs as Markdown tables of ratios: every
 * benchmark's median time divided by the lower bound's and by each OAuth library's, per thread
 * count.
 *
 * <p>The median is taken over every measurement iteration of every given run. On a machine that
 * other jobs share, a burst of load slows the iterations that run during it by several times. JMH
 * runs all forks of one benchmark back to back, so a burst can hit every fork of one benchmark.
 * Separate runs spread each benchmark over time, and the median ignores the slowed minority.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.httpauth.bench.hotpath.HotPathRatios run1.json
 * [run2.json ...]}, with files that JMH wrote for {@code -rf json}.
 */
public final class HotPathRatios {

    private static final List<String> ORDER = List.of(
            "lowerBound", "httpauthOAuth", "httpauthOAuthSystemClock", "httpauthOAuthById", "springSecurity", "googleAuth",
            "httpauthBasic", "httpauthApiKey", "systemClockMillis", "cachedClockMillis");
    private static final List<String> DIVISORS = List.of("lowerBound", "httpauthOAuth", "springSecurity", "googleAuth");

    private HotPathRatios() {
    }

    /** The results of one benchmark across runs: iteration scores and each run's mean in ns/op, and each run's bytes per operation. */
    private record Results(List<Double> iterations, List<Double> runMeans, List<Double> bytesPerOperation) {

        Results() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        double median() {
            List<Double> sorted = new ArrayList<>(iterations);
            Collections.sort(sorted);
            int middle = sorted.size() / 2;
            return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
        }
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("Usage: HotPathRatios <JMH result file written with -rf json> [more result files]");
            System.exit(2);
        }

        Map<String, Map<String, Results>> byClass = new LinkedHashMap<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String file : args) {
            for (JsonNode result : json.readTree(Path.of(file).toFile())) {
                String benchmark = result.path("benchmark").asString();
                int lastDot = benchmark.lastIndexOf('.');
                String benchmarkClass = benchmark.substring(benchmark.lastIndexOf('.', lastDot - 1) + 1, lastDot);
                Results results = byClass.computeIfAbsent(benchmarkClass, unused -> new LinkedHashMap<>())
                        .computeIfAbsent(benchmark.substring(lastDot + 1), unused -> new Results());
                add(results, result);
            }
        }

        System.out.printf(Locale.ROOT, "Runs: %d. Ratios divide medians over all measurement iterations of all runs.%n", args.length);
        byClass.forEach(HotPathRatios::printTable);
    }

    private static void add(Results results, JsonNode result) {
        JsonNode primary = result.path("primaryMetric");
        for (JsonNode fork : primary.path("rawData")) {
            for (JsonNode iteration : fork) {
                results.iterations().add(number(iteration));
            }
        }
        results.runMeans().add(number(primary.path("score")));
        results.bytesPerOperation().add(number(result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score")));
    }

    /** Reads a JMH number, which JMH writes as the string {@code "NaN"} when it has none, such as the error of a single iteration. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isString() ? Double.parseDouble(node.asString()) : Double.NaN;
    }

    private static void printTable(String benchmarkClass, Map<String, Results> results) {
        System.out.printf(Locale.ROOT, "%n%s%n%n", benchmarkClass);
        StringBuilder header = new StringBuilder("| benchmark | median ns/op | mean ns/op of each run | B/op of each run |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (String divisor : DIVISORS) {
            header.append(" × ").append(divisor).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);

        for (String name : ORDER) {
            Results result = results.get(name);
            if (result == null) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.2f | %s | %s |",
                    name, result.median(), joined(result.runMeans(), "%.1f"), joined(result.bytesPerOperation(), "%.0f")));
            for (String divisor : DIVISORS) {
                Results base = results.get(divisor);
                row.append(base == null ? " |" : String.format(Locale.ROOT, " %.2f |", result.median() / base.median()));
            }
            System.out.println(row);
        }
    }

    private static String joined(List<Double> values, String format) {
        return values.stream().map(value -> String.format(Locale.ROOT, format, value)).collect(Collectors.joining(", "));
    }
}
