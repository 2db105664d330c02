package dev.httpauth.adapters.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A JDK HTTP server on 127.0.0.1 that returns one scripted response to every request and records
 * the last request, for the response shapes a real authorization server does not produce.
 */
final class StubTokenServer implements AutoCloseable {

    /** A request as the server received it. */
    record RecordedRequest(String method, String path, Headers headers, String body) {
    }

    /** Writes the response to an exchange. */
    @FunctionalInterface
    interface Responder {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<RecordedRequest> lastRequest = new AtomicReference<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private final CountDownLatch released;

    private StubTokenServer(Responder responder, CountDownLatch released) {
        this.released = released;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                requestCount.incrementAndGet();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                lastRequest.set(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body));
                responder.respond(exchange);
            }
        });
        server.start();
    }

    /** Starts a server that sends {@code status} with {@code body} and the given headers. */
    static StubTokenServer responding(int status, String contentType, String body, Map<String, String> extraHeaders) {
        return new StubTokenServer(exchange -> {
            extraHeaders.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            send(exchange, status, contentType, body);
        }, new CountDownLatch(0));
    }

    /** Starts a server that sends HTTP 200 with a JSON body. */
    static StubTokenServer respondingJson(String json) {
        return responding(200, "application/json", json, Map.of());
    }

    /** Starts a server that runs {@code responder} for each request. */
    static StubTokenServer with(Responder responder) {
        return new StubTokenServer(responder, new CountDownLatch(0));
    }

    /**
     * Starts a server that reads each request and then waits until {@link #close()} before it
     * responds, so the client's request timeout is what ends the exchange.
     */
    static StubTokenServer neverAnswering() {
        CountDownLatch released = new CountDownLatch(1);
        return new StubTokenServer(exchange -> await(released), released);
    }

    /**
     * Starts a server that sends the headers of a 200 response and the first bytes of its body,
     * then waits until {@link #close()}, so the body never completes.
     */
    static StubTokenServer stallingInBody() {
        CountDownLatch released = new CountDownLatch(1);
        return new StubTokenServer(exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 1000);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"access_token\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            await(released);
        }, released);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!contentType.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Returns the token endpoint URI on this server. */
    URI tokenEndpoint() {
        return uri("/oauth2/token");
    }

    /** Returns the URI of {@code path} on this server. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Returns the last request received, or null before the first. */
    RecordedRequest lastRequest() {
        return lastRequest.get();
    }

    /** Returns the number of requests received so far. */
    int requestCount() {
        return requestCount.get();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.close();
    }
}
