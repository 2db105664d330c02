package dev.httpauth.app.demo;

import dev.httpauth.testkit.LoopbackAuthorizationServer;
import dev.httpauth.testkit.ProtectedResource;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo's environment: an OAuth 2.0 authorization server and a protected resource, both on
 * loopback, and a connections file whose secrets are {@code file:} refs to files written beside it
 * with permissions 0600.
 *
 * <p>Every secret is random and exists only for this run. {@link #close()} stops both servers and,
 * unless the files should be kept, deletes the files and the directory it created.
 */
public final class DemoSetup implements AutoCloseable {

    public static final String CONNECTIONS_FILE_NAME = "connections.json";
    public static final String CLIENT_ID = "demo-client";
    public static final String BASIC_USERNAME = "demo";
    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String API_KEY_QUERY_PARAMETER = "api_key";

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * A connection of the demo file and what the demo expects of it.
     *
     * @param id the connection id
     * @param title what the connection shows, for the heading of its section
     * @param resourcePath the path of the protected resource that accepts its credentials
     * @param expectedTokenError the OAuth {@code error} code the token endpoint should return, empty
     *     when the connection should be authorized
     */
    public record DemoConnection(String id, String title, String resourcePath, Optional<String> expectedTokenError) {

        public boolean expectedToBeAuthorized() {
            return expectedTokenError.isEmpty();
        }
    }

    private final LoopbackAuthorizationServer authorizationServer;
    private final ProtectedResource resource;
    private final Path directory;
    private final boolean deleteOnClose;
    private final List<Path> writtenFiles;
    private final List<DemoConnection> connections;

    private DemoSetup(
            LoopbackAuthorizationServer authorizationServer,
            ProtectedResource resource,
            Path directory,
            boolean deleteOnClose,
            List<Path> writtenFiles,
            List<DemoConnection> connections) {
        this.authorizationServer = authorizationServer;
        this.resource = resource;
        this.directory = directory;
        this.deleteOnClose = deleteOnClose;
        this.writtenFiles = List.copyOf(writtenFiles);
        this.connections = List.copyOf(connections);
    }

    /**
     * Starts the servers and writes the connections file and secret files into {@code directory},
     * creating it if needed.
     *
     * @param deleteOnClose whether {@link #close()} deletes the written files and the directory
     * @throws IOException if a file cannot be written; the servers are stopped again
     */
    public static DemoSetup start(Path directory, boolean deleteOnClose) throws IOException {
        String clientSecret = randomSecret();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("basic-password", randomSecret());
        secrets.put("api-key", randomSecret());
        secrets.put("client-secret", clientSecret);
        secrets.put("wrong-client-secret", randomSecret());

        LoopbackAuthorizationServer authorizationServer = LoopbackAuthorizationServer.start().registerClient(CLIENT_ID, clientSecret);
        try {
            ProtectedResource resource = ProtectedResource.start(
                    new ProtectedResource.Expected(BASIC_USERNAME, secrets.get("basic-password"), API_KEY_HEADER, secrets.get("api-key"), API_KEY_QUERY_PARAMETER),
                    authorizationServer.jwksUri(),
                    authorizationServer.issuer());
            try {
                Files.createDirectories(directory);
                List<Path> written = writeSecretFiles(directory, secrets);
                Path connectionsFile = directory.resolve(CONNECTIONS_FILE_NAME);
                Files.writeString(connectionsFile, connectionsJson(directory, authorizationServer.tokenEndpoint()), StandardCharsets.UTF_8);
                written.add(connectionsFile);
                return new DemoSetup(authorizationServer, resource, directory, deleteOnClose, written, demoConnections());
            } catch (IOException | RuntimeException e) {
                resource.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            authorizationServer.close();
            throw e;
        }
    }

    public Path directory() {
        return directory;
    }

    public Path connectionsFile() {
        return directory.resolve(CONNECTIONS_FILE_NAME);
    }

    public LoopbackAuthorizationServer authorizationServer() {
        return authorizationServer;
    }

    public ProtectedResource resource() {
        return resource;
    }

    /** Returns the connections in the order the demo shows them: the four that work, then the one that is rejected. */
    public List<DemoConnection> connections() {
        return connections;
    }

    /** Tells whether {@link #close()} deletes the files. */
    public boolean deletesFilesOnClose() {
        return deleteOnClose;
    }

    /**
     * Stops both servers and, if requested, deletes the written files and the directory when it is
     * then empty.
     *
     * @throws UncheckedIOException if a file cannot be deleted; the servers are stopped regardless
     */
    @Override
    public void close() {
        try {
            resource.close();
        } finally {
            authorizationServer.close();
        }
        if (deleteOnClose) {
            deleteWrittenFiles();
        }
    }

    private void deleteWrittenFiles() {
        try {
            for (Path file : writtenFiles) {
                Files.deleteIfExists(file);
            }
            try (var remaining = Files.list(directory)) {
                if (remaining.findAny().isEmpty()) {
                    Files.delete(directory);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the demo files in " + directory, e);
        }
    }

    private static List<DemoConnection> demoConnections() {
        return List.of(
                new DemoConnection("basic", "HTTP Basic", "/basic", Optional.empty()),
                new DemoConnection("api-key-header", "API key in the " + API_KEY_HEADER + " header", "/api-key", Optional.empty()),
                new DemoConnection("api-key-query", "API key in the query parameter " + API_KEY_QUERY_PARAMETER, "/api-key-query", Optional.empty()),
                new DemoConnection("oauth", "OAuth 2.0 client credentials", "/bearer", Optional.empty()),
                new DemoConnection("oauth-wrong-secret", "OAuth 2.0 with a wrong client secret, expected to be rejected", "/bearer", Optional.of("invalid_client")));
    }

    /** Writes each secret to its own file, created with permissions 0600 before any byte is written. */
    private static List<Path> writeSecretFiles(Path directory, Map<String, String> secrets) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            Path file = directory.resolve(secret.getKey());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
            Files.writeString(file, secret.getValue(), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    private static String connectionsJson(Path directory, URI tokenEndpoint) {
        Map<String, Object> connections = new LinkedHashMap<>();
        connections.put("basic", auth(fields(
                "type", "basic",
                "username", BASIC_USERNAME,
                "password", fileRef(directory, "basic-password"))));
        connections.put("api-key-header", auth(fields(
                "type", "api-key",
                "in", "header",
                "name", API_KEY_HEADER,
                "value", fileRef(directory, "api-key"))));
        connections.put("api-key-query", auth(fields(
                "type", "api-key",
                "in", "query",
                "name", API_KEY_QUERY_PARAMETER,
                "value", fileRef(directory, "api-key"))));
        connections.put("oauth", auth(oauth(tokenEndpoint, fileRef(directory, "client-secret"))));
        connections.put("oauth-wrong-secret", auth(oauth(tokenEndpoint, fileRef(directory, "wrong-client-secret"))));
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("connections", connections)) + "\n";
    }

    private static Map<String, Object> oauth(URI tokenEndpoint, String clientSecretRef) {
        return fields(
                "type", "oauth2-client-credentials",
                "tokenEndpoint", tokenEndpoint.toString(),
                "clientId", CLIENT_ID,
                "clientSecret", clientSecretRef,
                "scope", "demo.read",
                "clientAuthentication", "client_secret_basic");
    }

    private static Map<String, Object> auth(Map<String, Object> method) {
        return Map.of("auth", method);
    }

    /** Returns the names and values, given alternately, as a map that keeps their order in the file. */
    private static Map<String, Object> fields(String... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String fileRef(Path directory, String fileName) {
        return "file:" + directory.resolve(fileName).toAbsolutePath();
    }

    /** 24 random bytes as unpadded base64url: 32 characters, 192 bits. */
    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
