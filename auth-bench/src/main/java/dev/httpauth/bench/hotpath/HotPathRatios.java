package dev.httpauth.bench.hotpath;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the hot-path results of one JMH run as Markdown tables of ratios: every benchmark's
 * average time divided by the lower bound's and by each OAuth library's, per thread count.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.httpauth.bench.hotpath.HotPathRatios hotpath.json},
 * with the file that JMH wrote for {@code -rf json}.
 */
public final class HotPathRatios {

    private static final List<String> ORDER = List.of(
            "lowerBound", "httpauthOAuth", "springSecurity", "googleAuth", "httpauthBasic", "httpauthApiKey",
            "systemClockInstant", "systemClockMillis");
    private static final List<String> DIVISORS = List.of("lowerBound", "httpauthOAuth", "springSecurity", "googleAuth");

    private HotPathRatios() {
    }

    /** One benchmark's score in ns/op, its 99.9% error and its allocation per operation in bytes. */
    private record Score(double nanos, double error, double bytesPerOperation) {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("Usage: HotPathRatios <JMH result file written with -rf json>");
            System.exit(2);
        }
        JsonNode results = JsonMapper.builder().build().readTree(Path.of(args[0]).toFile());

        Map<String, Map<String, Score>> byClass = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asString();
            int lastDot = benchmark.lastIndexOf('.');
            String benchmarkClass = benchmark.substring(benchmark.lastIndexOf('.', lastDot - 1) + 1, lastDot);
            JsonNode primary = result.path("primaryMetric");
            Score score = new Score(
                    number(primary.path("score")),
                    number(primary.path("scoreError")),
                    number(result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score")));
            byClass.computeIfAbsent(benchmarkClass, unused -> new LinkedHashMap<>()).put(benchmark.substring(lastDot + 1), score);
        }

        byClass.forEach(HotPathRatios::printTable);
    }

    /** Reads a JMH number, which JMH writes as the string {@code "NaN"} when it has none, such as the error of a single iteration. */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isString() ? Double.parseDouble(node.asString()) : Double.NaN;
    }

    private static void printTable(String benchmarkClass, Map<String, Score> scores) {
        System.out.printf(Locale.ROOT, "%n%s%n%n", benchmarkClass);
        StringBuilder header = new StringBuilder("| benchmark | ns/op | ± (99.9%) | B/op |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (String divisor : DIVISORS) {
            header.append(" × ").append(divisor).append(" |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);

        for (String name : ORDER) {
            Score score = scores.get(name);
            if (score == null) {
                continue;
            }
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.0f |",
                    name, score.nanos(), score.error(), score.bytesPerOperation()));
            for (String divisor : DIVISORS) {
                Score base = scores.get(divisor);
                row.append(base == null ? " |" : String.format(Locale.ROOT, " %.2f |", score.nanos() / base.nanos()));
            }
            System.out.println(row);
        }
    }
}
