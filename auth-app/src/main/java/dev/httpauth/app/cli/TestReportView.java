package dev.httpauth.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.ConnectionTestReport;
import dev.httpauth.domain.model.TestStep;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link ConnectionTestReport} as text lines or as JSON. The report contains token
 * fingerprints and secret refs, never secret values, so both forms can be shown as they are.
 */
final class TestReportView {

    private static final String CONTINUATION_INDENT = "       ";

    private TestReportView() {
    }

    /**
     * Prints a heading, one {@code [PASS]}, {@code [FAIL]} or {@code [SKIP]} line per step, and a
     * summary line.
     */
    static void printText(ConnectionTestReport report, PrintWriter out) {
        out.println("Testing connection '" + report.connectionId() + "'" + report.methodType().map(type -> " (" + type + ")").orElse(""));
        for (TestStep step : report.steps()) {
            out.println(tag(step.outcome()) + " " + step.name() + ": " + step.detail().replace("\n", "\n" + CONTINUATION_INDENT));
        }
        out.println(summary(report));
    }

    /** Prints the report as one JSON object, see {@link ReportJson}. */
    static void printJson(ConnectionTestReport report, PrintWriter out) {
        out.println(CliJson.write(ReportJson.of(report)));
    }

    static String summary(ConnectionTestReport report) {
        if (report.passed()) {
            return "PASSED: connection '" + report.connectionId() + "' is ready (" + report.steps().size() + " steps passed)";
        }
        String failedStep = report.steps().stream()
                .filter(step -> step.outcome() == TestStep.Outcome.FAILED)
                .map(TestStep::name)
                .findFirst()
                .orElse("an unnamed step");
        return "FAILED: connection '" + report.connectionId() + "' failed at '" + failedStep + "'";
    }

    private static String tag(TestStep.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> "[PASS]";
            case FAILED -> "[FAIL]";
            case SKIPPED -> "[SKIP]";
        };
    }

    /**
     * The JSON form of a report.
     *
     * @param connection the connection id
     * @param method the auth method's type id, null when the connection could not be loaded
     * @param passed whether every step passed
     * @param steps the steps in the order they ran
     * @param error why the test failed, null when it passed
     */
    record ReportJson(String connection, String method, boolean passed, List<StepJson> steps, ErrorJson error) {

        static ReportJson of(ConnectionTestReport report) {
            return new ReportJson(
                    report.connectionId(),
                    report.methodType().orElse(null),
                    report.passed(),
                    report.steps().stream().map(StepJson::of).toList(),
                    report.error().map(ErrorJson::of).orElse(null));
        }
    }

    /** One step: its name, its outcome ({@code passed}, {@code failed} or {@code skipped}) and what it found. */
    record StepJson(String name, String outcome, String detail) {

        static StepJson of(TestStep step) {
            return new StepJson(step.name(), step.outcome().name().toLowerCase(Locale.ROOT), step.detail());
        }
    }

    /**
     * An error: the simple name of its {@code AuthError} type, such as {@code TokenRequestRejected},
     * its message, and for invalid configuration the problems with their paths.
     */
    record ErrorJson(String type, String message, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ProblemJson> problems) {

        static ErrorJson of(AuthError error) {
            List<ProblemJson> problems = error instanceof AuthError.InvalidConfiguration invalid
                    ? invalid.problems().stream().map(ProblemJson::of).toList()
                    : List.of();
            return new ErrorJson(error.getClass().getSimpleName(), error.message(), problems);
        }
    }

    /** A configuration problem: where it is and what is wrong. */
    record ProblemJson(String path, String message) {

        static ProblemJson of(ConfigProblem problem) {
            return new ProblemJson(problem.path(), problem.message());
        }
    }
}
