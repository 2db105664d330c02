package dev.httpauth.adapters.http;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.port.in.AuthorizeRequestUseCase;

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
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that authorizes every request of one connection before sending it
 * through a delegate client.
 *
 * <p>Credentials replace headers of the same name in the request, and query parameters are
 * appended to its URI. When a resource server answers 401 to a request that carried an OAuth
 * access token, the client reports the rejected token (the cache drops exactly that token, unless
 * a newer one has replaced it), authorizes the request again and sends it once more. It retries
 * only when the body can be sent twice: no body, or a body publisher of known length such as
 * {@code BodyPublishers.ofString}, {@code ofByteArray} or {@code ofFile}. Basic and API key
 * requests are never retried.
 *
 * <p>When no credentials can be obtained, {@code send} throws {@link AuthorizationFailedException}
 * and {@code sendAsync} completes with it. All other settings come from the delegate.
 */
public final class AuthorizingHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final AuthorizeRequestUseCase authorization;
    private final String connectionId;

    /**
     * @param delegate the client that sends the requests
     * @param authorization computes the credentials
     * @param connectionId the connection whose auth method applies to every request
     */
    public AuthorizingHttpClient(HttpClient delegate, AuthorizeRequestUseCase authorization, String connectionId) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.authorization = Objects.requireNonNull(authorization, "authorization");
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException {
        RequestCredentials credentials = credentialsFor(request);
        HttpResponse<T> response = delegate.send(authorized(request, credentials), responseBodyHandler);
        if (!shouldRetry(request, credentials, response)) {
            return response;
        }

        authorization.reportRejected(connectionId, credentials);
        return delegate.send(authorized(request, credentialsFor(request)), responseBodyHandler);
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
                    if (!shouldRetry(request, credentials, response)) {
                        return CompletableFuture.completedFuture(response);
                    }
                    authorization.reportRejected(connectionId, credentials);
                    try {
                        return delegate.sendAsync(authorized(request, credentialsFor(request)), responseBodyHandler, pushPromiseHandler);
                    } catch (AuthorizationFailedException e) {
                        throw new CompletionException(e);
                    }
                });
    }

    private RequestCredentials credentialsFor(HttpRequest request) throws AuthorizationFailedException {
        OutgoingRequest outgoing = new OutgoingRequest(request.method(), request.uri(), request.headers().map());
        return authorization.authorize(connectionId, outgoing)
                .getOrElseThrow(error -> new AuthorizationFailedException(connectionId, error));
    }

    private static <T> boolean shouldRetry(HttpRequest request, RequestCredentials credentials, HttpResponse<T> response) {
        return response.statusCode() == 401
                && credentials.accessToken().isPresent()
                && isReplayable(request);
    }

    private static boolean isReplayable(HttpRequest request) {
        return request.bodyPublisher().map(body -> body.contentLength() >= 0).orElse(true);
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
