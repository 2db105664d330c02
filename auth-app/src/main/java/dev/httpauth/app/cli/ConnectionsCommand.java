package dev.httpauth.app.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.ConnectionStatus;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.HttpAuthMethod;
import dev.httpauth.domain.model.OAuthClientCredentials;
import io.vavr.control.Either;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code httpauth connections}: lists and checks every configured connection. */
@Command(
        name = "connections",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Lists the connections of the connections file with their auth method and target, and checks each"
                        + " without contacting any server: the configuration is valid and every secret ref resolves."},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:Every connection is usable.",
                ExitCode.UNEXPECTED_ERROR,
                ExitCode.CONNECTIONS_USAGE + ", a connection with a problem, such as a secret ref that does not resolve."})
final class ConnectionsCommand implements Callable<Integer> {

    @ParentCommand
    private HttpAuthCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions options;

    @Option(names = "--json", description = "Print the list as one JSON object on stdout instead of a table.")
    private boolean json;

    @Override
    public Integer call() {
        Either<CommandFailure, Path> file = root.connectionsFile(options);
        if (file.isLeft()) {
            return root.fail(file.getLeft());
        }
        Either<CommandFailure, OpenedConnections> opened = root.openConnections(file.get(), options);
        if (opened.isLeft()) {
            return root.fail(opened.getLeft());
        }
        Either<AuthError, List<ConnectionStatus>> statuses = opened.get().httpAuth().listConnections();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(CliJson.write(ListJson.of(file.get(), statuses)));
            out.flush();
        }
        return statuses.fold(
                error -> root.fail(opened.get().failure(error)),
                list -> json ? exitCode(list) : printTable(file.get(), list, out));
    }

    private int printTable(Path file, List<ConnectionStatus> statuses, PrintWriter out) {
        out.println("Connections in " + file + ":");
        List<String[]> rows = statuses.stream()
                .map(status -> new String[] {
                        status.connection().id(),
                        status.connection().auth().typeId(),
                        target(status.connection().auth()),
                        status.usable() ? "ok" : problemCount(status.problems().size())})
                .toList();
        String format = columnFormat(rows);
        out.println(String.format(format, "ID", "TYPE", "TARGET", "STATUS").stripTrailing());
        for (int i = 0; i < rows.size(); i++) {
            out.println(String.format(format, (Object[]) rows.get(i)).stripTrailing());
            for (ConfigProblem problem : statuses.get(i).problems()) {
                out.println("    " + problem);
            }
        }
        long withProblems = statuses.stream().filter(status -> !status.usable()).count();
        out.println(statuses.size() + (statuses.size() == 1 ? " connection, " : " connections, ")
                + (withProblems == 0 ? "all usable" : withProblems + " with problems"));
        out.flush();
        return exitCode(statuses);
    }

    private static int exitCode(List<ConnectionStatus> statuses) {
        return statuses.stream().allMatch(ConnectionStatus::usable) ? ExitCode.OK : ExitCode.USAGE;
    }

    private static String columnFormat(List<String[]> rows) {
        int[] widths = {"ID".length(), "TYPE".length(), "TARGET".length()};
        for (String[] row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        return "%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %s";
    }

    private static String problemCount(int count) {
        return count == 1 ? "1 problem" : count + " problems";
    }

    /** Describes where the method sends its credentials: the user, the header or query parameter, or the client and token endpoint. */
    static String target(HttpAuthMethod method) {
        return switch (method) {
            case Basic basic -> "user '" + basic.username() + "'";
            case ApiKey apiKey -> switch (apiKey.in()) {
                case HEADER -> "header " + apiKey.name();
                case QUERY -> "query parameter " + apiKey.name();
            };
            case OAuthClientCredentials oauth -> "client '" + oauth.clientId() + "' at " + hostAndPort(oauth.tokenEndpoint());
            case CustomAuthMethod custom -> "plugin method " + custom.typeId();
        };
    }

    private static String hostAndPort(URI uri) {
        return uri.getPort() < 0 ? String.valueOf(uri.getHost()) : uri.getHost() + ":" + uri.getPort();
    }

    /**
     * The JSON form of the list.
     *
     * @param file the connections file
     * @param connections every connection with its problems; empty when the file is invalid
     * @param error why the file could not be used, null when it was read
     */
    record ListJson(String file, List<ConnectionJson> connections, TestReportView.ErrorJson error) {

        static ListJson of(Path file, Either<AuthError, List<ConnectionStatus>> statuses) {
            return statuses.fold(
                    error -> new ListJson(file.toString(), List.of(), TestReportView.ErrorJson.of(error)),
                    list -> new ListJson(file.toString(), list.stream().map(ConnectionJson::of).toList(), null));
        }
    }

    /** One connection: its id, auth method type, target, whether it is usable, and its problems. */
    record ConnectionJson(
            String id,
            String type,
            String target,
            boolean usable,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<TestReportView.ProblemJson> problems) {

        static ConnectionJson of(ConnectionStatus status) {
            return new ConnectionJson(
                    status.connection().id(),
                    status.connection().auth().typeId(),
                    ConnectionsCommand.target(status.connection().auth()),
                    status.usable(),
                    status.problems().stream().map(TestReportView.ProblemJson::of).toList());
        }
    }
}
