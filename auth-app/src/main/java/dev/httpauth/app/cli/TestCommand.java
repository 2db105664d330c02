package dev.httpauth.app.cli;

import dev.httpauth.domain.model.ConnectionTestReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code httpauth test CONNECTION}: checks a connection step by step. */
@Command(
        name = "test",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Checks a connection step by step and prints each step as [PASS], [FAIL] or [SKIP]:"
                        + " the configuration, the secrets and, for OAuth, a new token from the token endpoint"
                        + " (the token cache is bypassed, so the test shows the server as it is now).",
                "Tokens are shown only as fingerprints."},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:Every step passed: the connection is ready.",
                "1:A step failed: a secret is unavailable, or the token endpoint rejected the client, could not be reached or"
                        + " returned an invalid response.",
                ExitCode.CONNECTIONS_USAGE + "."})
final class TestCommand implements Callable<Integer> {

    @ParentCommand
    private HttpAuthCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions options;

    @Parameters(paramLabel = "CONNECTION", description = "Id of the connection to test, as in the connections file.")
    private String connectionId;

    @Option(names = "--json", description = "Print the report as one JSON object on stdout instead of text lines.")
    private boolean json;

    @Override
    public Integer call() {
        return root.openConnections(options).fold(root::fail, this::test);
    }

    private int test(OpenedConnections opened) {
        ConnectionTestReport report = opened.httpAuth().test(connectionId);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            TestReportView.printJson(report, out);
        } else {
            TestReportView.printText(report, out);
        }
        out.flush();
        return report.error().map(opened::exitCode).orElse(ExitCode.OK);
    }
}
