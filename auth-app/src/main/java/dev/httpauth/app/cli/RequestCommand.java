package dev.httpauth.app.cli;

import dev.httpauth.domain.model.Text;
import io.vavr.control.Either;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code httpauth request CONNECTION URL}: sends one authorized request, like curl. */
@Command(
        name = "request",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Sends one request with the credentials of the connection and prints the response body to stdout,"
                        + " like curl. Redirects are not followed. A newline is added after a body that does not end with one.",
                "Credential values that the server echoes back in the response headers or body are replaced by ****."
                        + " A value shorter than " + SentCredentials.MIN_MASKED_LENGTH + " characters would also match inside"
                        + " ordinary words, so a header value or body that contains one is withheld whole, with a warning on stderr,"
                        + " instead of being garbled. --reveal prints the response as received."},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:The response status is below 400.",
                "1:The response status is 400 or above (401 and 403 mean that the server rejected the credentials), the"
                        + " credentials could not be obtained, or connecting or receiving the response failed or timed out.",
                ExitCode.CONNECTIONS_USAGE + ", an invalid URL, -X, -H, -d or --max-time value, plain http to a host other"
                        + " than loopback without --insecure-http."})
final class RequestCommand implements Callable<Integer> {

    private static final String DEFAULT_CONTENT_TYPE = "application/x-www-form-urlencoded";

    /**
     * The largest --max-time: one day. The JDK HTTP client converts the limit to milliseconds, and
     * Long.MAX_VALUE seconds failed there with "long overflow".
     */
    private static final long MAX_TIME_SECONDS = 86_400;

    /**
     * The largest request body that {@code -d @FILE} reads: 64 MiB. The body is held in memory,
     * because plugin methods may sign its digest, and the limit keeps a device such as /dev/zero
     * from filling the heap.
     */
    static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

    @ParentCommand
    private HttpAuthCommand root;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectionOptions options;

    @Parameters(index = "0", paramLabel = "CONNECTION", description = "Id of the connection whose credentials the request gets.")
    private String connectionId;

    @Parameters(
            index = "1",
            paramLabel = "URL",
            description = "Absolute http or https URL to send the request to, without user info: the connection supplies the credentials.")
    private String url;

    @Option(names = {"-X", "--request"}, paramLabel = "METHOD", description = "HTTP method. Default: GET, or POST when -d is given.")
    private String method;

    @Option(
            names = {"-H", "--header"},
            paramLabel = "'NAME: VALUE'",
            description = "Header to send; repeat for more. A credential header of the same name replaces it.")
    private List<String> headers = new ArrayList<>();

    @Option(
            names = {"-d", "--data"},
            paramLabel = "DATA",
            description = "Request body: the text DATA, or the bytes of a file with @FILE (at most 64 MiB). Sets Content-Type: "
                    + DEFAULT_CONTENT_TYPE + " unless -H gives one.")
    private String data;

    @Option(names = {"-i", "--include"}, description = "Print the status line and the response headers before the body.")
    private boolean includeHeaders;

    @Option(
            names = "--reveal",
            description = "Print the response as received, with any credential values that the server echoes back."
                    + " They end up on your screen and in any log of it.")
    private boolean reveal;

    @Option(
            names = "--insecure-http",
            description = "Allow sending credentials over plain http to a host other than loopback (localhost, 127.0.0.0/8, ::1)."
                    + " They cross the network unencrypted.")
    private boolean insecureHttp;

    @Option(
            names = {"-m", "--max-time"},
            paramLabel = "SECONDS",
            defaultValue = "30",
            description = "Time limit in seconds (1 to 86400) for connecting and, separately, for receiving the response headers."
                    + " Default: ${DEFAULT-VALUE}")
    private long maxTimeSeconds;

    @Override
    public Integer call() {
        return plannedRequest().fold(root::fail, this::send);
    }

    private int send(PlannedRequest request) {
        Optional<CommandFailure> transportProblem = AuthorizedRequests.transportProblem(connectionId, request.uri(), insecureHttp);
        if (transportProblem.isPresent()) {
            return root.fail(transportProblem.get());
        }
        if (AuthorizedRequests.isPlainHttpToRemoteHost(request.uri())) {
            root.warn("sending the credentials of connection '" + connectionId + "' unencrypted to " + request.uri().getHost()
                    + " (--insecure-http)");
        }
        Either<CommandFailure, OpenedConnections> opened = root.openConnections(options);
        if (opened.isLeft()) {
            return root.fail(opened.getLeft());
        }
        AuthorizedRequests requests = new AuthorizedRequests(
                opened.get().httpAuth().authorizeRequestUseCase(),
                opened.get()::failure,
                Duration.ofSeconds(maxTimeSeconds),
                insecureHttp);
        return requests.send(connectionId, request).fold(root::fail, this::print);
    }

    private int print(AuthorizedExchange exchange) {
        PrintWriter out = spec.commandLine().getOut();
        if (includeHeaders) {
            out.println(exchange.statusLine());
            exchange.headerLines(reveal).forEach(out::println);
            out.println();
        }
        Optional<String> body = reveal ? Optional.of(exchange.revealedBody()) : exchange.maskedBody();
        if (body.isPresent()) {
            out.print(body.get());
            if (!body.get().isEmpty() && !body.get().endsWith("\n")) {
                out.println();
            }
        }
        out.flush();
        if (body.isEmpty()) {
            root.warn("the response body (" + exchange.bodySize() + " bytes) is withheld, because it contains a credential value of"
                    + " connection '" + connectionId + "' that is shorter than " + SentCredentials.MIN_MASKED_LENGTH + " characters"
                    + " and cannot be masked without garbling the text. Pass --reveal to print the response as received.");
        }
        return exitCode(exchange);
    }

    private int exitCode(AuthorizedExchange exchange) {
        int status = exchange.status();
        if (status < 400) {
            return ExitCode.OK;
        }
        String challenge = exchange.header("WWW-Authenticate");
        String meaning = status == 401 || status == 403
                ? ": the server rejected the credentials of connection '" + connectionId + "'"
                        + (challenge.isEmpty() ? "" : " (WWW-Authenticate: " + challenge + ")")
                : "";
        return root.fail(CommandFailure.failed(exchange.request().method() + " " + exchange.request().uri()
                + " returned HTTP " + status + meaning));
    }

    private Either<CommandFailure, PlannedRequest> plannedRequest() {
        if (maxTimeSeconds < 1 || maxTimeSeconds > MAX_TIME_SECONDS) {
            return Either.left(CommandFailure.usage("--max-time must be a whole number of seconds from 1 to " + MAX_TIME_SECONDS
                    + " (one day), but was " + maxTimeSeconds));
        }
        Either<CommandFailure, URI> uri = UrlArgument.parse("URL", url);
        if (uri.isLeft()) {
            return Either.left(uri.getLeft());
        }
        if (method != null && !Text.isToken(method)) {
            return Either.left(invalidMethod("-X", method));
        }
        List<PlannedRequest.HeaderField> headerFields = new ArrayList<>();
        for (String header : headers) {
            Either<CommandFailure, PlannedRequest.HeaderField> field = parseHeader(header);
            if (field.isLeft()) {
                return Either.left(field.getLeft());
            }
            headerFields.add(field.get());
        }
        Either<CommandFailure, Optional<byte[]>> body = body();
        if (body.isLeft()) {
            return Either.left(body.getLeft());
        }
        if (body.get().isPresent() && headerFields.stream().noneMatch(field -> field.name().equalsIgnoreCase("Content-Type"))) {
            headerFields.add(new PlannedRequest.HeaderField("Content-Type", DEFAULT_CONTENT_TYPE));
        }
        String effectiveMethod = method != null ? method.toUpperCase(Locale.ROOT) : body.get().isPresent() ? "POST" : "GET";
        return Either.right(new PlannedRequest(effectiveMethod, uri.get(), headerFields, body.get()));
    }

    /** Returns the usage failure for a method that is not an RFC 9110 token, given with {@code option}. */
    static CommandFailure invalidMethod(String option, String method) {
        return CommandFailure.usage(option + " '" + method + "' is not a valid HTTP method: use a token such as GET, POST, PUT,"
                + " PATCH or DELETE");
    }

    /** Parses {@code Name: value}. The message names the header but never repeats its value, which may be a secret. */
    private static Either<CommandFailure, PlannedRequest.HeaderField> parseHeader(String header) {
        int colon = header.indexOf(':');
        if (colon < 0) {
            return Either.left(CommandFailure.usage("-H: a header without ':' was given: write each header as -H 'Name: value'"));
        }
        String name = header.substring(0, colon).strip();
        if (!Text.isToken(name)) {
            return Either.left(CommandFailure.usage("-H: '" + name + "' is not a valid header name: use letters, digits and !#$%&'*+-.^_`|~"));
        }
        String value = header.substring(colon + 1).strip();
        int control = Text.firstControlCharacter(value);
        if (control >= 0) {
            return Either.left(CommandFailure.usage("-H: the value of header '" + name + "' contains the control character "
                    + Text.codePoint(value.charAt(control)) + ", which HTTP does not allow"));
        }
        return Either.right(new PlannedRequest.HeaderField(name, value));
    }

    private Either<CommandFailure, Optional<byte[]>> body() {
        if (data == null) {
            return Either.right(Optional.empty());
        }
        if (!data.startsWith("@")) {
            return Either.right(Optional.of(data.getBytes(StandardCharsets.UTF_8)));
        }
        return readDataFile(data.substring(1)).map(Optional::of);
    }

    /** Reads the body from the file that {@code -d @name} names, or returns a usage failure that names the file and what to do. */
    private Either<CommandFailure, byte[]> readDataFile(String name) {
        String option = "-d @" + name + ": ";
        if (name.isEmpty()) {
            return Either.left(CommandFailure.usage(option + "no file name follows '@': write -d @FILE to send the content of FILE,"
                    + " or -d TEXT to send TEXT"));
        }
        Path file;
        try {
            file = root.environment().resolve(Path.of(name));
        } catch (InvalidPathException e) {
            return Either.left(CommandFailure.usage(option + "not a valid file name: " + e.getReason()));
        }
        if (!Files.exists(file)) {
            return Either.left(CommandFailure.usage(option + "the file " + file + " does not exist: check the path,"
                    + " or write -d TEXT without '@' to send TEXT itself"));
        }
        if (Files.isDirectory(file)) {
            return Either.left(CommandFailure.usage(option + file + " is a directory: give the path of the file whose content is"
                    + " the request body"));
        }

        String tooLarge = option + "the file " + file + " is larger than " + MAX_BODY_BYTES / (1024 * 1024)
                + " MiB, the limit for a request body, because httpauth reads the body into memory";
        byte[] bytes;
        try (InputStream input = Files.newInputStream(file)) {
            // The size of a regular file is known, so a large one is rejected without reading it.
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BODY_BYTES) {
                return Either.left(CommandFailure.usage(tooLarge));
            }
            bytes = input.readNBytes(MAX_BODY_BYTES + 1);
        } catch (AccessDeniedException e) {
            return Either.left(CommandFailure.usage(option + "the file " + file + " cannot be read: permission denied."
                    + " Check its permissions, for example with ls -l"));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Either.left(CommandFailure.usage(option + "reading the file " + file + " failed: " + reason));
        }
        if (bytes.length > MAX_BODY_BYTES) {
            return Either.left(CommandFailure.usage(tooLarge));
        }
        return Either.right(bytes);
    }
}
