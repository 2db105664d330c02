package dev.httpauth.testkit;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resource server on 127.0.0.1 that accepts requests only with the expected credentials, for
 * demos and tests. It runs on the JDK's {@code com.sun.net.httpserver} on a port the operating
 * system picks.
 *
 * <p>Paths and what they check, for any request method:
 * <ul>
 *   <li>{@code /basic}: an {@code Authorization: Basic} header (RFC 7617, UTF-8) with the expected
 *       username and password;
 *   <li>{@code /api-key}: the expected key as the whole value of the expected header;
 *   <li>{@code /api-key-query}: the expected key in the expected query parameter;
 *   <li>{@code /bearer}: an {@code Authorization: Bearer} JWT signed by a key of the authorization
 *       server's JWKS, with the expected {@code iss}, a {@code sub} and an {@code exp} in the future.
 * </ul>
 *
 * <p>An authorized request gets HTTP 200 and {@code {"authorized":true,"method":"basic|api-key|bearer","subject":"…"}}:
 * the subject is the Basic user-id, the API key's header or parameter name, or the JWT's
 * {@code sub}. A rejected request gets HTTP 401, a {@code WWW-Authenticate} header and
 * {@code {"authorized":false,"reason":"…"}}. The reason never repeats a credential. An unknown
 * path gets HTTP 404.
 *
 * <p>Instances are thread-safe.
 */
public final class ProtectedResource implements AutoCloseable {

    /** The realm in every {@code WWW-Authenticate} challenge. */
    static final String REALM = "httpauth-testkit";

    private static final Logger log = LoggerFactory.getLogger(ProtectedResource.class);

    /**
     * The credentials the resource accepts.
     *
     * @param basicUsername the user-id that {@code /basic} accepts
     * @param basicPassword the password that {@code /basic} accepts
     * @param apiKeyHeader the header that {@code /api-key} reads, such as {@code X-API-Key}
     * @param apiKey the key that {@code /api-key} and {@code /api-key-query} accept. The header
     *     value must equal it exactly, so a key sent with a prefix such as {@code Token } needs the
     *     prefix here too
     * @param apiKeyQueryParameter the query parameter that {@code /api-key-query} reads
     */
    public record Expected(String basicUsername, String basicPassword, String apiKeyHeader, String apiKey, String apiKeyQueryParameter) {

        public Expected {
            Objects.requireNonNull(basicUsername, "basicUsername");
            Objects.requireNonNull(basicPassword, "basicPassword");
            Objects.requireNonNull(apiKeyHeader, "apiKeyHeader");
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(apiKeyQueryParameter, "apiKeyQueryParameter");
        }

        /** Shows the names only, never the password or the key. */
        @Override
        public String toString() {
            return "Expected[basicUsername=" + basicUsername + ", apiKeyHeader=" + apiKeyHeader
                    + ", apiKeyQueryParameter=" + apiKeyQueryParameter + "]";
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final StaticCredentialChecks staticChecks;
    private final BearerTokenCheck bearerCheck;
    private final AtomicInteger requestCount = new AtomicInteger();

    private ProtectedResource(HttpServer server, ExecutorService executor, StaticCredentialChecks staticChecks, BearerTokenCheck bearerCheck) {
        this.server = server;
        this.executor = executor;
        this.staticChecks = staticChecks;
        this.bearerCheck = bearerCheck;
    }

    /**
     * Starts the resource.
     *
     * @param expected the credentials to accept on {@code /basic}, {@code /api-key} and {@code /api-key-query}
     * @param jwksUri where to fetch the keys that verify bearer tokens, on first use
     * @param issuer the {@code iss} that bearer tokens must carry
     * @throws UncheckedIOException if the server cannot bind to 127.0.0.1
     */
    public static ProtectedResource start(Expected expected, URI jwksUri, URI issuer) {
        Objects.requireNonNull(expected, "expected");
        BearerTokenCheck bearerCheck = new BearerTokenCheck(Objects.requireNonNull(jwksUri, "jwksUri"), Objects.requireNonNull(issuer, "issuer"));

        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the protected resource on 127.0.0.1", e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);

        ProtectedResource resource = new ProtectedResource(server, executor, new StaticCredentialChecks(expected), bearerCheck);
        server.createContext("/", resource::handle);
        server.start();
        log.debug("Started protected resource at {}", resource.uri("/"));
        return resource;
    }

    /** Returns the URI of {@code path} on this resource, such as {@code uri("/basic")}. */
    public URI uri(String path) {
        String absolutePath = path.startsWith("/") ? path : "/" + path;
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + absolutePath);
    }

    /** Returns the number of requests received so far on any path, whatever their outcome. */
    public int requestCount() {
        return requestCount.get();
    }

    /** Stops the server at once, dropping requests in progress. */
    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requestCount.incrementAndGet();
            drain(exchange.getRequestBody());

            String path = exchange.getRequestURI().getPath();
            Optional<Verdict> verdict = check(path, exchange);
            if (verdict.isEmpty()) {
                respond(exchange, 404, body(false, Map.of("reason", "no resource at " + path + ": use /basic, /api-key, /api-key-query or /bearer")));
                return;
            }

            log.debug("{} {}: {}", exchange.getRequestMethod(), path, verdict.get());
            switch (verdict.get()) {
                case Verdict.Authorized authorized -> respond(exchange, 200,
                        body(true, Map.of("method", authorized.method(), "subject", authorized.subject())));
                case Verdict.Rejected rejected -> {
                    exchange.getResponseHeaders().set("WWW-Authenticate", rejected.challenge());
                    respond(exchange, 401, body(false, Map.of("reason", rejected.reason())));
                }
            }
        }
    }

    /** Checks the credentials that {@code path} expects, or returns empty for an unknown path. */
    private Optional<Verdict> check(String path, HttpExchange exchange) {
        return switch (path) {
            case "/basic" -> Optional.of(staticChecks.basic(exchange));
            case "/api-key" -> Optional.of(staticChecks.apiKeyInHeader(exchange));
            case "/api-key-query" -> Optional.of(staticChecks.apiKeyInQuery(exchange));
            case "/bearer" -> Optional.of(bearerCheck.check(exchange));
            default -> Optional.empty();
        };
    }

    private static Map<String, Object> body(boolean authorized, Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authorized", authorized);
        body.putAll(fields);
        return body;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void drain(InputStream body) throws IOException {
        try (body) {
            body.transferTo(OutputStream.nullOutputStream());
        }
    }
}
