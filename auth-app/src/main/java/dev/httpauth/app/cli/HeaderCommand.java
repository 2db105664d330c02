package dev.httpauth.app.cli;

import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Text;
import io.vavr.control.Either;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code httpauth header CONNECTION}: prints the credentials a request would get. */
@Command(
        name = "header",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Prints the credentials a request of the connection would get, one per line:"
                        + " a header as 'Name: value', an API key in the query as '?name=value'.",
                "Values are masked as '****' followed by their fingerprint; the auth scheme word of an Authorization"
                        + " header (Basic, Bearer) stays visible. Nothing is sent, except a token request for OAuth"
                        + " connections."},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:The credentials were printed.",
                "1:The credentials could not be obtained: a secret is unavailable, or the token endpoint rejected the client,"
                        + " could not be reached or returned an invalid response.",
                ExitCode.CONNECTIONS_USAGE + ", an invalid --url or --method."})
final class HeaderCommand implements Callable<Integer> {

    static final String DEFAULT_URL = "https://example.invalid/";

    @ParentCommand
    private HttpAuthCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions options;

    @Parameters(paramLabel = "CONNECTION", description = "Id of the connection, as in the connections file.")
    private String connectionId;

    @Option(names = "--reveal", description = "Print the values in full instead of masked. They end up on your screen and in any log of it.")
    private boolean reveal;

    @Option(
            names = "--url",
            paramLabel = "URL",
            defaultValue = DEFAULT_URL,
            description = "Absolute http or https URL of the request the credentials are computed for. Only plugin methods that"
                    + " sign requests use it. Default: ${DEFAULT-VALUE}")
    private String url;

    @Option(
            names = "--method",
            paramLabel = "METHOD",
            defaultValue = "GET",
            description = "HTTP method of the request the credentials are computed for. Default: ${DEFAULT-VALUE}")
    private String method;

    @Override
    public Integer call() {
        Either<CommandFailure, URI> uri = UrlArgument.parse("--url", url);
        if (uri.isLeft()) {
            return root.fail(uri.getLeft());
        }
        if (!Text.isToken(method)) {
            return root.fail(RequestCommand.invalidMethod("--method", method));
        }
        return root.openConnections(options).fold(root::fail, opened -> printCredentials(opened, uri.get()));
    }

    private int printCredentials(OpenedConnections opened, URI uri) {
        OutgoingRequest request = OutgoingRequest.of(method.toUpperCase(Locale.ROOT), uri);
        return opened.httpAuth().authorize(connectionId, request)
                .mapLeft(opened::failure)
                .fold(root::fail, this::print);
    }

    private int print(RequestCredentials credentials) {
        PrintWriter out = spec.commandLine().getOut();
        CredentialLines.lines(credentials, reveal).forEach(out::println);
        out.flush();
        return ExitCode.OK;
    }
}
