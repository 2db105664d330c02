package dev.httpauth.adapters.http;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import dev.httpauth.domain.port.out.RequestTokenPort;
import dev.httpauth.domain.service.AuthMethodValidation;
import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests tokens with the OAuth 2.0 client credentials grant (RFC 6749 §4.4) over the JDK's
 * {@link HttpClient}.
 *
 * <p>Each request is a {@code POST} with an {@code application/x-www-form-urlencoded} body. The
 * client authenticates with {@code client_secret_basic} (id and secret form-urlencoded, then
 * Base64, RFC 6749 §2.3.1) or {@code client_secret_post}. Redirects are not followed. Plain
 * {@code http} is used only for loopback hosts, and any other {@code http} endpoint is rejected
 * before a connection is made. Every request has the connect and request timeouts of the
 * {@link TokenEndpointSettings}, and the response body is read up to its byte limit.
 *
 * <p>Errors never contain the client secret, and body excerpts in errors have the values of token
 * fields redacted. The client logs each request at DEBUG (endpoint, client id, status, duration)
 * without the secret or the token.
 *
 * <p>Instances are thread-safe and share one {@code HttpClient}, so create one per application.
 */
public final class TokenEndpointClient implements RequestTokenPort {

    private static final Logger log = LoggerFactory.getLogger(TokenEndpointClient.class);

    private final TokenEndpointSettings settings;
    private final HttpClient httpClient;
    private final RetryAfter retryAfter;

    /** Creates a client that reads the system clock in UTC for {@code Retry-After} dates. */
    public TokenEndpointClient(TokenEndpointSettings settings) {
        this(settings, HttpClient.newBuilder(), Clock.systemUTC());
    }

    /** Creates a client that counts {@code Retry-After} dates from {@code clock}. */
    TokenEndpointClient(TokenEndpointSettings settings, Clock clock) {
        this(settings, HttpClient.newBuilder(), clock);
    }

    /**
     * Creates a client on an {@code HttpClient} built from {@code httpClientBuilder}, which keeps
     * its other settings, such as a proxy. The version, the redirect policy and the connect
     * timeout are set here.
     */
    TokenEndpointClient(TokenEndpointSettings settings, HttpClient.Builder httpClientBuilder, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        // One small request per token does not gain from HTTP/2, and HTTP/1.1 spares plain-http
        // loopback servers the h2c upgrade headers.
        this.httpClient = httpClientBuilder
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.retryAfter = new RetryAfter(Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Sends {@code request} to its token endpoint and interprets the response.
     *
     * @return the token, or {@code InvalidConfiguration} for an endpoint that is neither https nor
     *     http on a loopback host, {@code TokenEndpointUnreachable} when no response arrives in
     *     time, {@code TokenRequestRejected} for an RFC 6749 §5.2 error response,
     *     {@code UnsupportedTokenType} for a token type other than Bearer, and
     *     {@code MalformedTokenResponse} for anything else. On HTTP 429 and 5xx the error's
     *     {@code retryAfter} is the delay of the {@code Retry-After} header, if it has a
     *     valid one
     */
    @Override
    public Either<AuthError, TokenGrant> requestToken(TokenRequest request) {
        URI endpoint = request.tokenEndpoint();
        Optional<String> endpointProblem = endpointProblem(endpoint);
        if (endpointProblem.isPresent()) {
            return Either.left(new AuthError.InvalidConfiguration(
                    "token endpoint " + endpoint, List.of(new ConfigProblem("tokenEndpoint", endpointProblem.get()))));
        }

        long started = System.nanoTime();
        Either<AuthError, ReceivedResponse> received = send(request);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        return received.fold(
                failure -> {
                    log.debug("Token request to {} for client '{}' failed after {} ms: {}",
                            endpoint, request.clientId(), elapsed.toMillis(), failure.message());
                    return Either.left(failure);
                },
                response -> {
                    log.debug("Token request to {} for client '{}' returned HTTP {} in {} ms",
                            endpoint, request.clientId(), response.status(), elapsed.toMillis());
                    return new TokenResponseParser(endpoint, request.clientSecret(), response).parse();
                });
    }

    private Either<AuthError, ReceivedResponse> send(TokenRequest request) {
        URI endpoint = request.tokenEndpoint();
        HttpRequest.Builder httpRequest = HttpRequest.newBuilder(endpoint)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TokenRequestEncoding.formBody(request)));
        TokenRequestEncoding.authorizationHeader(request).ifPresent(value -> httpRequest.header("Authorization", value));

        // On JDK 25 the request timeout of HttpClient stops once the response headers arrive, so a
        // server that stalls in the body would block forever. Waiting on the future bounds the whole exchange.
        CompletableFuture<HttpResponse<byte[]>> exchange =
                httpClient.sendAsync(httpRequest.build(), new BoundedBodyHandler(settings.maxResponseBytes()));
        try {
            HttpResponse<byte[]> response = exchange.get(settings.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return Either.right(new ReceivedResponse(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location"),
                    retryAfter.delay(response.statusCode(), response.headers()),
                    response.body()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failure) {
                return Either.left(TransportFailures.toAuthError(endpoint, failure, settings, request.clientSecret(), retryAfter));
            }
            throw new IllegalStateException("The token request to " + endpoint + " failed unexpectedly", e.getCause());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return Either.left(new AuthError.TokenEndpointUnreachable(endpoint, TransportFailures.timedOut(settings)));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return Either.left(new AuthError.TokenEndpointUnreachable(endpoint, "interrupted while waiting for the response"));
        }
    }

    /** Returns why the client must not send a secret to {@code endpoint}, or empty when it may. */
    private static Optional<String> endpointProblem(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (endpoint.getHost() == null) {
            return Optional.of("'" + endpoint + "' has no host: write it like https://login.example.com/oauth2/token");
        }
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return AuthMethodValidation.isLoopbackHost(endpoint.getHost())
                    ? Optional.empty()
                    : Optional.of("'" + endpoint + "' uses plain http, which would send the client secret unencrypted: "
                            + "use https (http is accepted only for loopback hosts)");
        }
        return Optional.of("'" + endpoint + "' has scheme '" + scheme + "': use https");
    }
}
