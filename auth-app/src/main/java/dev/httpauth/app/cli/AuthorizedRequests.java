package dev.httpauth.app.cli;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import dev.httpauth.domain.service.AuthMethodValidation;
import io.vavr.control.Either;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Sends one request with the credentials of a connection, through the JDK {@link HttpClient}.
 *
 * <p>Redirects are not followed, so credentials never travel to a host the user did not name.
 * Plain {@code http} is accepted only for loopback hosts unless the caller allows it, because the
 * credentials would otherwise cross the network unencrypted.
 */
final class AuthorizedRequests {

    private final AuthorizeRequestUseCase authorizeRequest;
    private final Function<AuthError, CommandFailure> failures;
    private final Duration timeout;
    private final boolean plainHttpAllowed;

    /**
     * @param failures turns an error of {@code authorizeRequest} into the failure of the command
     * @param timeout the limit for connecting and, separately, for receiving the response headers
     * @param plainHttpAllowed whether to send credentials over plain {@code http} to a host other than loopback
     */
    AuthorizedRequests(
            AuthorizeRequestUseCase authorizeRequest,
            Function<AuthError, CommandFailure> failures,
            Duration timeout,
            boolean plainHttpAllowed) {
        this.authorizeRequest = authorizeRequest;
        this.failures = failures;
        this.timeout = timeout;
        this.plainHttpAllowed = plainHttpAllowed;
    }

    /** Tells whether {@code uri} would send credentials unencrypted to a host other than loopback. */
    static boolean isPlainHttpToRemoteHost(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme()) && !AuthMethodValidation.isLoopbackHost(uri.getHost());
    }

    /** Returns a usage failure when {@code uri} would send credentials unencrypted to a host other than loopback and that is not allowed. */
    static Optional<CommandFailure> transportProblem(String connectionId, URI uri, boolean plainHttpAllowed) {
        if (plainHttpAllowed || !isPlainHttpToRemoteHost(uri)) {
            return Optional.empty();
        }
        return Optional.of(CommandFailure.usage("The URL uses plain http, so the credentials of connection '" + connectionId
                + "' would travel unencrypted to " + uri.getHost() + ": use https, or pass --insecure-http to send them anyway"));
    }

    /**
     * Authorizes {@code request} for {@code connectionId}, sends it and returns the response.
     *
     * @return the exchange, or a failure: exit code 2 for configuration and usage errors, 1 when
     *     credentials could not be obtained or the server could not be reached
     */
    Either<CommandFailure, AuthorizedExchange> send(String connectionId, PlannedRequest request) {
        Optional<CommandFailure> transportProblem = transportProblem(connectionId, request.uri(), plainHttpAllowed);
        if (transportProblem.isPresent()) {
            return Either.left(transportProblem.get());
        }
        return authorizeRequest.authorize(connectionId, request.toOutgoingRequest())
                .mapLeft(failures)
                .flatMap(credentials -> exchange(request, credentials));
    }

    private Either<CommandFailure, AuthorizedExchange> exchange(PlannedRequest request, RequestCredentials credentials) {
        SentCredentials sent = SentCredentials.of(credentials);
        HttpRequest httpRequest;
        try {
            httpRequest = httpRequest(request, credentials);
        } catch (IllegalArgumentException e) {
            // The JDK client rejects restricted headers such as Host, and invalid names or methods.
            return Either.left(CommandFailure.usage("Invalid request: " + sent.mask(e.getMessage()) + ". Check the -X and -H values"));
        }

        try (HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build()) {
            HttpResponse<byte[]> response = client.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            return Either.right(new AuthorizedExchange(request, response, sent));
        } catch (HttpTimeoutException e) {
            return Either.left(CommandFailure.failed(request.method() + " " + request.uri() + " timed out after " + timeout.toSeconds() + " s"));
        } catch (IOException e) {
            return Either.left(CommandFailure.failed(request.method() + " " + request.uri() + " failed: " + sent.mask(describe(e))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Either.left(CommandFailure.failed(request.method() + " " + request.uri() + " was interrupted"));
        }
    }

    private HttpRequest httpRequest(PlannedRequest request, RequestCredentials credentials) {
        Set<String> credentialHeaders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        credentials.headers().forEach(header -> credentialHeaders.add(header.name()));

        HttpRequest.Builder builder = HttpRequest.newBuilder(credentials.applyTo(request.uri()))
                .timeout(timeout)
                .method(request.method(), request.body()
                        .map(HttpRequest.BodyPublishers::ofByteArray)
                        .orElseGet(HttpRequest.BodyPublishers::noBody));
        for (PlannedRequest.HeaderField header : request.headers()) {
            // Credentials replace a header of the same name, as RequestCredentials specifies.
            if (!credentialHeaders.contains(header.name())) {
                builder.header(header.name(), header.value());
            }
        }
        for (RequestCredentials.Header header : credentials.headers()) {
            builder.setHeader(header.name(), header.value().reveal());
        }
        return builder.build();
    }

    private static String describe(IOException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
        if (e instanceof ConnectException) {
            return "could not connect" + detail;
        }
        if (e instanceof SSLException) {
            return "the TLS handshake failed (" + (e.getMessage() == null ? "no reason given" : e.getMessage())
                    + "): check that the server speaks https on this port";
        }
        return e.getClass().getSimpleName() + detail;
    }
}
