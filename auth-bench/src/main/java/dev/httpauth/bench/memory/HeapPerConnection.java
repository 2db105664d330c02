package dev.httpauth.bench.memory;

import dev.httpauth.adapters.store.InMemoryConnections;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.service.AuthorizationService;
import org.openjdk.jol.vm.VM;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures the heap that httpauth retains per configured OAuth connection and per cached token,
 * with JOL (the shallow sizes of every object reachable from the {@link AuthorizationService}) and,
 * as a cross-check, with the used heap after full collections.
 *
 * <p>Each connection has its own token endpoint URI, client id, secret ref and scope, as a
 * connections file with that many entries would give, held by httpauth's own
 * {@link InMemoryConnections}, the store that {@code HttpAuth.Builder.connections} uses. Tokens come from {@link GeneratedTokens}:
 * distinct, of a fixed length in ASCII, so each costs exactly that many bytes of characters
 * (compact strings, JDK 9 and later).
 *
 * <p>Usage: {@code java -Xmx4g -XX:+UseSerialGC -Djol.magicFieldOffset=true -Djdk.attach.allowAttachSelf=true -cp benchmarks.jar
 * dev.httpauth.bench.memory.HeapPerConnection [connections] [token length]}, by default 100000
 * and 1000.
 */
public final class HeapPerConnection {

    private static final String BYTE_ARRAY = "[B";
    private static final OutgoingRequest REQUEST = OutgoingRequest.of("GET", URI.create("https://api.example.com/resource"));

    /**
     * Classes of which the service keeps one instance per cached token, or as many as noted. Every
     * other class that grows with the first authorization is per-connection service state. The
     * split is right while the token key shares the method's scope list, as it does for the sorted
     * scopes here: then the header list is the only {@code ImmutableCollections$List12} that the
     * first authorization adds.
     */
    private static final Map<String, String> TOKEN_CLASSES = Map.ofEntries(
            Map.entry("dev.httpauth.domain.model.AccessToken", "the token object"),
            Map.entry("dev.httpauth.domain.model.Secret", "the header value, the token's one copy"),
            Map.entry("java.lang.String", "the header value, the token's one copy"),
            Map.entry(BYTE_ARRAY, "characters of \"Bearer \" and the token; SHA-256 of the client secret (2)"),
            Map.entry("java.time.Instant", "obtainedAt, expiresAt (2)"),
            Map.entry("dev.httpauth.domain.service.TokenCache$Entry", "cache entry"),
            Map.entry("io.vavr.control.Either$Right", "cached results: token and credentials (2)"),
            Map.entry("java.util.Optional", "the token in the credentials; the secret digest (2)"),
            Map.entry("java.util.ImmutableCollections$List12", "header list"),
            Map.entry("dev.httpauth.domain.model.RequestCredentials", "the credentials"),
            Map.entry("dev.httpauth.domain.model.RequestCredentials$Header", "the header"));

    private HeapPerConnection() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int tokenLength = args.length > 1 ? Integer.parseInt(args[1]) : 1000;

        // The used-heap readings come first, before JOL has walked anything, because objects that a
        // JOL 0.17 walk leaves in the heap (about 1.3 KB per connection with 10 000 connections)
        // would be counted as the service's.
        HeapReadings heap = readUsedHeap(count, tokenLength);

        Footprint empty = Footprint.of(service(List.of(), tokenLength));
        AuthorizationService service = service(connections(count), tokenLength);
        Footprint configured = Footprint.of(service);
        authorizeEach(service, count);
        Footprint authorized = Footprint.of(service);

        report(count, tokenLength, empty, configured, authorized, heap);
    }

    /** The used heap after full collections before, between and after the two stages, in bytes. */
    private record HeapReadings(long before, long configured, long authorized) {
    }

    private static HeapReadings readUsedHeap(int count, int tokenLength) {
        long before = usedHeapAfterCollections();
        AuthorizationService service = service(connections(count), tokenLength);
        long configured = usedHeapAfterCollections();
        authorizeEach(service, count);
        long authorized = usedHeapAfterCollections();
        Reference.reachabilityFence(service);
        return new HeapReadings(before, configured, authorized);
    }

    private static void authorizeEach(AuthorizationService service, int count) {
        for (int i = 0; i < count; i++) {
            String id = connectionId(i);
            service.authorize(id, REQUEST).getOrElseThrow(error -> new IllegalStateException("Could not authorize " + id + ": " + error.message()));
        }
    }

    private static AuthorizationService service(List<Connection> connections, int tokenLength) {
        return new AuthorizationService(
                new InMemoryConnections(connections), new GeneratedSecrets(), new GeneratedTokens(tokenLength), event -> { }, Clock.systemUTC());
    }

    private static List<Connection> connections(int count) {
        List<Connection> connections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String serial = String.format(Locale.ROOT, "%06d", i);
            OAuthClientCredentials method = OAuthClientCredentials.of(
                    URI.create("https://login.example.com/tenant-" + serial + "/oauth2/v2.0/token"),
                    "client-" + serial,
                    new SecretRef("memory", "client-secret-" + serial),
                    List.of("https://api-" + serial + ".example.com/.default"));
            connections.add(new Connection(connectionId(i), method));
        }
        return connections;
    }

    private static String connectionId(int index) {
        return String.format(Locale.ROOT, "connection-%06d", index);
    }

    private static void report(int count, int tokenLength, Footprint empty, Footprint configured, Footprint authorized, HeapReadings heap) {
        System.out.printf(Locale.ROOT, "Heap per connection: %d OAuth connections, tokens of %d ASCII characters, JDK %s%n%n",
                count, tokenLength, Runtime.version());

        System.out.println("Objects of the configured connections (JOL, per connection):");
        printClassTable(configured, empty, count, name -> "connection: configuration");

        System.out.println();
        System.out.println("Objects added by the first authorization of every connection (JOL, per connection):");
        printClassTable(authorized, configured, count, name -> TOKEN_CLASSES.containsKey(name)
                ? "token: " + TOKEN_CLASSES.get(name)
                : "connection: service state");

        long tokenBytes = 0;
        long serviceBytes = 0;
        for (String name : authorized.classesChangedSince(configured)) {
            long bytes = authorized.bytesOf(name) - configured.bytesOf(name);
            if (TOKEN_CLASSES.containsKey(name)) {
                tokenBytes += bytes;
            } else {
                serviceBytes += bytes;
            }
        }
        double configuredPerConnection = (double) (configured.totalBytes() - empty.totalBytes()) / count;
        // The payload of the byte arrays is the characters of the configured text (ids, URI and its
        // parsed parts, client id, secret key, scope), plus up to 7 bytes of alignment padding per array.
        long configuredArrays = configured.countOf(BYTE_ARRAY) - empty.countOf(BYTE_ARRAY);
        double configuredText = (double) (configured.bytesOf(BYTE_ARRAY) - empty.bytesOf(BYTE_ARRAY) - VM.current().arrayHeaderSize() * configuredArrays) / count;
        double servicePerConnection = (double) serviceBytes / count;
        double perToken = (double) tokenBytes / count;

        System.out.println();
        System.out.println("| measure | bytes | target |");
        System.out.println("|---|---|---|");
        System.out.printf(Locale.ROOT, "| configured connection: records, strings, URI, connection store entry (JOL) | %.1f | |%n", configuredPerConnection);
        System.out.printf(Locale.ROOT, "| service state per connection after first use, without token objects (JOL) | %.1f | |%n", servicePerConnection);
        System.out.printf(Locale.ROOT, "| **per connection, both rows above** | **%.1f** | <= 1024 |%n", configuredPerConnection + servicePerConnection);
        System.out.printf(Locale.ROOT, "| of which the payload of the configured text's byte arrays | %.1f | |%n", configuredText);
        System.out.printf(Locale.ROOT, "| **per connection beyond that payload** | **%.1f** | <= 1024 |%n",
                configuredPerConnection + servicePerConnection - configuredText);
        System.out.printf(Locale.ROOT, "| per cached token, all objects (JOL) | %.1f | |%n", perToken);
        System.out.printf(Locale.ROOT, "| **per cached token beyond its %d characters (JOL)** | **%.1f** | <= 512 |%n", tokenLength, perToken - tokenLength);
        System.out.printf(Locale.ROOT, "| used heap after full GC: configured, per connection | %.1f | |%n",
                (double) (heap.configured() - heap.before()) / count);
        System.out.printf(Locale.ROOT, "| used heap after full GC: first authorization, per connection | %.1f | |%n",
                (double) (heap.authorized() - heap.configured()) / count);
    }

    private static void printClassTable(Footprint later, Footprint earlier, int count, Function<String, String> countedAs) {
        System.out.println("| class | instances per connection | bytes per connection | counted as |");
        System.out.println("|---|---|---|---|");
        for (String name : later.classesChangedSince(earlier)) {
            long instances = later.countOf(name) - earlier.countOf(name);
            long bytes = later.bytesOf(name) - earlier.bytesOf(name);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.1f | %s |%n",
                    name, (double) instances / count, (double) bytes / count, countedAs.apply(name));
        }
    }

    /**
     * Returns the used heap after repeated full collections, once two readings in a row agree
     * within 64 KiB or after ten collections.
     */
    private static long usedHeapAfterCollections() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
