package dev.httpauth.app.cli;

import dev.httpauth.app.HttpAuth;
import dev.httpauth.app.demo.DemoSetup;
import dev.httpauth.app.demo.DemoSetup.DemoConnection;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConnectionTestReport;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import io.vavr.control.Either;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the demo against a {@link DemoSetup}: for each connection the steps of {@code test},
 * {@code header} and {@code request}, printed as those commands print them, and a check of every
 * outcome against what the demo expects.
 *
 * <p>All steps go through one {@link HttpAuth}, as in a host application, so they share its
 * token cache.
 */
final class DemoScenario {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String RULE = "-".repeat(72);

    private final DemoSetup setup;
    private final HttpAuth httpAuth;
    private final PrintWriter out;
    private final AuthorizedRequests requests;
    private final List<String> unexpectedOutcomes = new ArrayList<>();

    DemoScenario(DemoSetup setup, HttpAuth httpAuth, PrintWriter out) {
        this.setup = setup;
        this.httpAuth = httpAuth;
        this.out = out;
        this.requests = new AuthorizedRequests(httpAuth.authorizeRequestUseCase(), CommandFailure::of, REQUEST_TIMEOUT, false);
    }

    /** Prints every step and the summary line; returns 0 when every outcome was as expected, 1 otherwise. */
    int run() {
        printIntroduction();
        int authorized = 0;
        int rejected = 0;
        for (DemoConnection connection : setup.connections()) {
            printHeading(connection);
            if (connection.expectedToBeAuthorized()) {
                authorized += showAuthorized(connection) ? 1 : 0;
            } else {
                rejected += showRejected(connection) ? 1 : 0;
            }
        }
        out.println(RULE);
        if (unexpectedOutcomes.isEmpty()) {
            out.println("demo: " + authorized + " connections authorized, " + rejected + " rejected as expected");
            return ExitCode.OK;
        }
        out.println("demo: FAILED: " + unexpectedOutcomes.size() + " unexpected outcome(s): " + String.join("; ", unexpectedOutcomes));
        return ExitCode.FAILED;
    }

    private void printIntroduction() {
        out.println("httpauth demo: HTTP Basic, API keys and OAuth 2.0 client credentials against real servers on loopback");
        out.println();
        out.println("  authorization server  " + setup.authorizationServer().tokenEndpoint() + " (client '" + DemoSetup.CLIENT_ID + "')");
        out.println("  protected resource    " + setup.resource().uri("/"));
        out.println("  connections file      " + setup.connectionsFile());
        String deleted = setup.deletesFilesOnClose() ? "; all are deleted when the demo ends (keep them with --dir DIR)" : "";
        String options = "--config " + setup.connectionsFile();
        switch (setup.storage()) {
            case FILES -> out.println("                        secrets are file: refs to random values in 0600 files beside it" + deleted);
            case VAULT -> {
                out.println("  vault                 " + setup.vaultFile() + " (AES-256-GCM, mode 0600)");
                out.println("  vault key file        " + setup.vaultKeyFile() + " (32 random bytes, mode 0600)");
                out.println("                        secrets are vault: refs to random values in the vault" + deleted);
                options += " --vault " + setup.vaultFile() + " --vault-key-file " + setup.vaultKeyFile();
            }
        }
        out.println();
        out.println("Each step prints what 'httpauth " + options + " COMMAND' prints.");
        out.println("The steps share one token cache, as requests of a host application do.");
    }

    private void printHeading(DemoConnection connection) {
        out.println();
        String heading = "--- " + connection.id() + ": " + connection.title() + " ";
        out.println(heading + "-".repeat(Math.max(3, RULE.length() - heading.length())));
    }

    /** Shows test, header and request for a connection that should work; returns whether all of them did. */
    private boolean showAuthorized(DemoConnection connection) {
        String id = connection.id();
        URI resource = setup.resource().uri(connection.resourcePath());
        int tokenRequestsBefore = tokenRequestCount();

        ConnectionTestReport report = showTest(id);
        if (!report.passed()) {
            return unexpected(id + ": the test failed");
        }
        int tokenRequestsAfterTest = tokenRequestCount();

        if (!showHeader(id, resource)) {
            return unexpected(id + ": no credentials were computed");
        }
        int tokenRequestsAfterHeader = tokenRequestCount();

        if (!showRequest(id, resource)) {
            return unexpected(id + ": the request to " + resource + " was not authorized");
        }
        int tokenRequestsAfterRequest = tokenRequestCount();

        if (report.methodType().equals(Optional.of(OAuthClientCredentials.TYPE_ID))) {
            return showTokenCache(id, tokenRequestsBefore, tokenRequestsAfterTest, tokenRequestsAfterHeader, tokenRequestsAfterRequest);
        }
        return true;
    }

    private boolean showTokenCache(String id, int before, int afterTest, int afterHeader, int afterRequest) {
        out.println("token cache: the authorization server has received " + afterTest + " token request(s) after test"
                + " (which bypasses the cache), " + afterHeader + " after header (token obtained and cached), "
                + afterRequest + " after request (cached token reused)");
        if (afterTest != before + 1 || afterHeader != afterTest + 1 || afterRequest != afterHeader) {
            return unexpected(id + ": expected exactly one token request each for test and header and none for request,"
                    + " but the counts were " + before + ", " + afterTest + ", " + afterHeader + ", " + afterRequest);
        }
        return true;
    }

    /** Shows the test of a connection that the token endpoint should reject; returns whether it was rejected as expected. */
    private boolean showRejected(DemoConnection connection) {
        String id = connection.id();
        String expectedError = connection.expectedTokenError().orElseThrow();

        ConnectionTestReport report = showTest(id);
        Optional<String> error = report.error().flatMap(failure -> failure instanceof AuthError.TokenRequestRejected rejected
                ? Optional.of(rejected.error())
                : Optional.empty());
        if (error.equals(Optional.of(expectedError))) {
            out.println("rejected as expected: the token endpoint returned " + expectedError);
            return true;
        }
        return unexpected(id + ": expected the token endpoint to return " + expectedError + ", but the test "
                + report.error().map(AuthError::message).orElse("passed"));
    }

    private ConnectionTestReport showTest(String id) {
        printCommand("test " + id);
        ConnectionTestReport report = httpAuth.test(id);
        TestReportView.printText(report, out);
        return report;
    }

    private boolean showHeader(String id, URI resource) {
        printCommand("header " + id);
        Either<AuthError, RequestCredentials> credentials = httpAuth.authorize(id, OutgoingRequest.of("GET", resource));
        if (credentials.isLeft()) {
            out.println("httpauth: " + credentials.getLeft().message());
            return false;
        }
        CredentialLines.lines(credentials.get(), false).forEach(out::println);
        return true;
    }

    private boolean showRequest(String id, URI resource) {
        printCommand("request " + id + " " + resource);
        Either<CommandFailure, AuthorizedExchange> exchange = requests.send(id, PlannedRequest.get(resource));
        if (exchange.isLeft()) {
            out.println("httpauth: " + exchange.getLeft().message());
            return false;
        }
        AuthorizedExchange response = exchange.get();
        out.println("GET " + resource + " -> " + response.status() + " " + response.maskedBody().orElse(SentCredentials.WITHHELD).strip());
        return response.status() == 200;
    }

    private void printCommand(String command) {
        out.println("$ httpauth " + command);
    }

    private int tokenRequestCount() {
        return setup.authorizationServer().tokenRequestCount();
    }

    private boolean unexpected(String outcome) {
        out.println("UNEXPECTED: " + outcome);
        unexpectedOutcomes.add(outcome);
        return false;
    }
}
