package dev.httpauth.examples.hmac;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook endpoint on 127.0.0.1 that checks HMAC-SHA256 signatures the way a receiving service
 * does, written independently of the plugin: it recomputes the HMAC over the timestamp, method,
 * path with query and body SHA-256, compares it in constant time, and rejects a timestamp more
 * than {@link #MAX_SKEW} away from its own clock. It responds with 200 and
 * {@code {"verified":true}}, or with 401 and {@code {"verified":false,"reason":"..."}}.
 */
final class WebhookReceiver implements AutoCloseable {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final HexFormat HEX = HexFormat.of();

    private final HttpServer server;
    private final byte[] key;
    private final Clock clock;
    private final AtomicInteger verified = new AtomicInteger();

    private WebhookReceiver(HttpServer server, byte[] key, Clock clock) {
        this.server = server;
        this.key = key.clone();
        this.clock = clock;
    }

    /** Starts a receiver on an OS-picked port that accepts signatures made with {@code key} near the time of {@code clock}. */
    static WebhookReceiver start(String key, Clock clock) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server, key.getBytes(StandardCharsets.UTF_8), clock);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** Returns how many requests carried a valid, fresh signature. */
    int verifiedCount() {
        return verified.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String rejection = rejection(exchange, body);
        if (rejection.isEmpty()) {
            verified.incrementAndGet();
            respond(exchange, 200, "{\"verified\":true}");
        } else {
            exchange.getResponseHeaders().add("WWW-Authenticate", "HMAC-SHA256");
            respond(exchange, 401, "{\"verified\":false,\"reason\":\"" + rejection + "\"}");
        }
    }

    /** Returns why the request is rejected, or an empty string when its signature is valid and fresh. */
    private String rejection(HttpExchange exchange, byte[] body) {
        String signatureHeader = exchange.getRequestHeaders().getFirst("X-Signature");
        String timestampHeader = exchange.getRequestHeaders().getFirst("X-Signature-Timestamp");
        if (signatureHeader == null || timestampHeader == null) {
            return "signature or timestamp header missing";
        }
        Matcher signature = SIGNATURE.matcher(signatureHeader);
        if (!signature.matches() || !signature.group(1).equals(timestampHeader)) {
            return "malformed signature header";
        }
        long timestamp = Long.parseLong(signature.group(1));
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > MAX_SKEW.toSeconds()) {
            return "stale timestamp";
        }
        URI uri = exchange.getRequestURI();
        String pathAndQuery = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        String signed = timestamp + "\n" + exchange.getRequestMethod() + "\n" + pathAndQuery + "\n" + HEX.formatHex(sha256(body));
        byte[] expected = hmacSha256(signed.getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected, HEX.parseHex(signature.group(2)))) {
            return "signature mismatch";
        }
        return "";
    }

    private byte[] hmacSha256(byte[] text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
