package dev.httpauth.adapters.http;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;
import dev.httpauth.domain.port.in.ConnectionAuthorizer;
import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.stream.BaseStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that authorizes every request of one connection before sending it
 * through a delegate client.
 *
 * <p>Credentials replace headers of the same name in the request, and query parameters are
 * appended to its URI. When a resource server responds with 401 to a request that carried an OAuth
 * access token, the client reports the rejected token, so the cache drops exactly that token
 * unless a newer one has replaced it. It then authorizes the request again and sends it once
 * more, provided the new credentials carry another token and the body can be sent twice: no body,
 * or a body publisher of known length such as {@code BodyPublishers.ofString}, {@code ofByteArray}
 * or {@code ofFile}. A {@code BodyPublishers.fromPublisher} body with a length counts as
 * replayable too, so its publisher must accept a second subscriber. Basic and API key requests
 * are never retried. The body of a discarded 401 response is closed when it is a stream.
 *
 * <p>When no credentials can be obtained, {@code send} throws {@link AuthorizationFailedException}
 * and {@code sendAsync} completes with it. {@code sendAsync} obtains the credentials on the
 * calling thread, so it blocks while the connection has no valid token and one is requested.
 * After a 401 it obtains the new credentials on the thread that completed the response.
 *
 * <p>Built from a {@link ConnectionAuthorizer}, the client uses the connection as the handle
 * keeps it and skips a lookup per request; built from an {@link AuthorizeRequestUseCase} and a
 * connection id, it looks the connection up for each request and so follows changes of the
 * configured connections.
 *
 * <p>All other settings come from the delegate. {@code shutdown} and {@code close} leave the
 * delegate running, because the caller who created it owns it. WebSockets are not supported.
 */
public final class AuthorizingHttpClient extends HttpClient {

    private static final Logger log = LoggerFactory.getLogger(AuthorizingHttpClient.class);

    private final HttpClient delegate;
    private final ConnectionAuthorizer authorization;
    private final String connectionId;

    /**
     * Creates a client that looks the connection up for each request.
     *
     * @param delegate the client that sends the requests
     * @param authorization computes the credentials
     * @param connectionId the connection whose auth method applies to every request
     */
    public AuthorizingHttpClient(HttpClient delegate, AuthorizeRequestUseCase authorization, String connectionId) {
        this(delegate, new LookupPerRequest(Objects.requireNonNull(authorization, "authorization"), Objects.requireNonNull(connectionId, "connectionId")));
    }

    /**
     * Creates a client that authorizes every request with {@code authorizer}, the faster choice
     * for a client that lives as long as the connection's configuration.
     *
     * @param delegate the client that sends the requests
     * @param authorizer the handle of the connection whose auth method applies to every request
     */
    public AuthorizingHttpClient(HttpClient delegate, ConnectionAuthorizer authorizer) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.authorization = Objects.requireNonNull(authorizer, "authorizer");
        this.connectionId = authorizer.connectionId();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException {
        RequestCredentials credentials = credentialsFor(request);
        HttpResponse<T> response = delegate.send(authorized(request, credentials), responseBodyHandler);
        if (!isTokenRejection(credentials, response)) {
            return response;
        }

        Optional<RequestCredentials> retryCredentials = retryCredentials(request, credentials, response);
        if (retryCredentials.isEmpty()) {
            return response;
        }
        discard(response);
        return delegate.send(authorized(request, retryCredentials.get()), responseBodyHandler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler) {
        return sendAsync(request, responseBodyHandler, null);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> responseBodyHandler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        RequestCredentials credentials;
        try {
            credentials = credentialsFor(request);
        } catch (AuthorizationFailedException e) {
            return CompletableFuture.failedFuture(e);
        }
        return delegate.sendAsync(authorized(request, credentials), responseBodyHandler, pushPromiseHandler)
                .thenCompose(response -> {
                    if (!isTokenRejection(credentials, response)) {
                        return CompletableFuture.completedFuture(response);
                    }
                    Optional<RequestCredentials> retryCredentials;
                    try {
                        retryCredentials = retryCredentials(request, credentials, response);
                    } catch (AuthorizationFailedException e) {
                        throw new CompletionException(e);
                    }
                    if (retryCredentials.isEmpty()) {
                        return CompletableFuture.completedFuture(response);
                    }
                    discard(response);
                    return delegate.sendAsync(authorized(request, retryCredentials.get()), responseBodyHandler, pushPromiseHandler);
                });
    }

    private RequestCredentials credentialsFor(HttpRequest request) throws AuthorizationFailedException {
        OutgoingRequest outgoing = new OutgoingRequest(request.method(), request.uri(), request.headers().map());
        return authorization.authorize(outgoing)
                .getOrElseThrow(error -> new AuthorizationFailedException(connectionId, error));
    }

    private static boolean isTokenRejection(RequestCredentials credentials, HttpResponse<?> response) {
        return response.statusCode() == 401 && credentials.accessToken().isPresent();
    }

    /**
     * Reports the rejected token and returns the credentials to send the request with once more,
     * or empty when the request must not be retried: its body cannot be sent twice, or the new
     * credentials carry the rejected token again.
     *
     * @throws AuthorizationFailedException if no new credentials can be obtained; the body of
     *     {@code response} is closed then
     */
    private Optional<RequestCredentials> retryCredentials(HttpRequest request, RequestCredentials rejected, HttpResponse<?> response)
            throws AuthorizationFailedException {
        // The token is reported even when the request cannot be retried, so that the next request
        // does not send it again.
        authorization.reportRejected(rejected);
        if (!isReplayable(request)) {
            return Optional.empty();
        }

        RequestCredentials renewed;
        try {
            renewed = credentialsFor(request);
        } catch (AuthorizationFailedException e) {
            discard(response);
            throw e;
        }
        boolean sameToken = renewed.accessToken().isPresent() && renewed.accessToken().get() == rejected.accessToken().orElseThrow();
        return sameToken ? Optional.empty() : Optional.of(renewed);
    }

    private static boolean isReplayable(HttpRequest request) {
        return request.bodyPublisher().map(body -> body.contentLength() >= 0).orElse(true);
    }

    /**
     * Closes the body of a response that is not returned to the caller when the body handler made
     * it a stream, such as {@code BodyHandlers.ofInputStream} or {@code ofLines}, so that its
     * connection is released.
     */
    private static void discard(HttpResponse<?> response) {
        Object body = response.body();
        if (body instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                log.debug("Closing the body of a rejected response from {} failed", response.uri(), e);
            }
        } else if (body instanceof BaseStream<?, ?> stream) {
            stream.close();
        }
    }

    /** A connection handle that looks the connection up by id for every call. */
    private record LookupPerRequest(AuthorizeRequestUseCase authorization, String connectionId) implements ConnectionAuthorizer {

        @Override
        public Either<AuthError, RequestCredentials> authorize(OutgoingRequest request) {
            return authorization.authorize(connectionId, request);
        }

        @Override
        public boolean reportRejected(RequestCredentials credentials) {
            return authorization.reportRejected(connectionId, credentials);
        }
    }

    /** Copies {@code request} with the credentials' headers set and their query parameters appended. */
    static HttpRequest authorized(HttpRequest request, RequestCredentials credentials) {
        Set<String> replaced = new HashSet<>();
        credentials.headers().forEach(header -> replaced.add(header.name().toLowerCase(Locale.ROOT)));

        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> !replaced.contains(name.toLowerCase(Locale.ROOT)));
        credentials.headers().forEach(header -> builder.header(header.name(), header.value().reveal()));
        if (!credentials.queryParameters().isEmpty()) {
            builder.uri(credentials.applyTo(request.uri()));
        }
        return builder.build();
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /** Thrown when credentials for a request could not be obtained. */
    public static final class AuthorizationFailedException extends IOException {

        private final transient AuthError error;

        AuthorizationFailedException(String connectionId, AuthError error) {
            super("Cannot authorize a request of connection '" + connectionId + "': " + error.message());
            this.error = error;
        }

        /** Why no credentials could be obtained. */
        public AuthError error() {
            return error;
        }
    }
}
