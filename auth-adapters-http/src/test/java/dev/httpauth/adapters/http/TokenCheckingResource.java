package dev.httpauth.adapters.http;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A resource server stub on 127.0.0.1 that treats bearer tokens as revoked, as a real server
 * does after a key rotation or a revocation the client has not heard of. It records the
 * {@code Authorization} header of every request.
 */
final class TokenCheckingResource implements AutoCloseable {

    /** Which tokens the stub rejects. */
    enum Revocation {
        /** The first token it receives is revoked, and later tokens are accepted. */
        FIRST_TOKEN,
        /** Every token is revoked. */
        EVERY_TOKEN
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> firstAuthorization = new AtomicReference<>();

    private TokenCheckingResource(Revocation revocation) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                authorizations.add(authorization == null ? "" : authorization);
                boolean rejected = authorization == null || isRevoked(revocation, authorization);
                if (rejected) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                }
                byte[] body = (rejected ? "{\"authorized\":false}" : "{\"authorized\":true}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(rejected ? 401 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    static TokenCheckingResource start(Revocation revocation) {
        return new TokenCheckingResource(revocation);
    }

    private boolean isRevoked(Revocation revocation, String authorization) {
        return switch (revocation) {
            case EVERY_TOKEN -> true;
            case FIRST_TOKEN -> {
                firstAuthorization.compareAndSet(null, authorization);
                yield authorization.equals(firstAuthorization.get());
            }
        };
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Returns the {@code Authorization} header of each request in arrival order, empty for a request without one. */
    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
