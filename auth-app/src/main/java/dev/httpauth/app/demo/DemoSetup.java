package dev.httpauth.app.demo;

import dev.httpauth.adapters.store.vault.VaultError;
import dev.httpauth.adapters.store.vault.VaultFile;
import dev.httpauth.adapters.store.vault.VaultKey;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.testkit.LoopbackAuthorizationServer;
import dev.httpauth.testkit.ProtectedResource;
import io.vavr.control.Either;
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
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The demo's environment: an OAuth 2.0 authorization server and a protected resource, both on
 * loopback, and a connections file whose secrets are either {@code file:} refs to files written
 * beside it with permissions 0600, or {@code vault:} refs into an encrypted vault file beside it,
 * unlocked with a key file.
 *
 * <p>Every secret is random and exists only for this run. {@link #close()} stops both servers and,
 * unless the files should be kept, deletes the files and the directory it created.
 */
public final class DemoSetup implements AutoCloseable {

    public static final String CONNECTIONS_FILE_NAME = "connections.json";
    public static final String VAULT_FILE_NAME = "secrets.vault";
    public static final String VAULT_KEY_FILE_NAME = "vault.key";
    public static final String CLIENT_ID = "demo-client";
    public static final String BASIC_USERNAME = "demo";
    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String API_KEY_QUERY_PARAMETER = "api_key";

    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The kind of store the demo writes its secrets into. */
    public enum SecretStorage {
        /** One 0600 file per secret, referenced as {@code file:/path}. */
        FILES,
        /** An encrypted vault file with a key file, referenced as {@code vault:NAME}. */
        VAULT
    }

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
    private final SecretStorage storage;
    private final List<Path> writtenFiles;
    private final List<DemoConnection> connections;

    private DemoSetup(
            LoopbackAuthorizationServer authorizationServer,
            ProtectedResource resource,
            Path directory,
            boolean deleteOnClose,
            SecretStorage storage,
            List<Path> writtenFiles,
            List<DemoConnection> connections) {
        this.authorizationServer = authorizationServer;
        this.resource = resource;
        this.directory = directory;
        this.deleteOnClose = deleteOnClose;
        this.storage = storage;
        this.writtenFiles = List.copyOf(writtenFiles);
        this.connections = List.copyOf(connections);
    }

    /** Starts the demo with one secret file per secret, see {@link #start(Path, boolean, SecretStorage)}. */
    public static DemoSetup start(Path directory, boolean deleteOnClose) throws IOException {
        return start(directory, deleteOnClose, SecretStorage.FILES);
    }

    /**
     * Starts the servers and writes the connections file and the secrets into {@code directory},
     * creating it if needed.
     *
     * @param deleteOnClose whether {@link #close()} deletes the written files and the directory
     * @param storage whether the secrets go into files of their own or into a vault
     * @throws IOException if a file cannot be written; the servers are stopped again
     */
    public static DemoSetup start(Path directory, boolean deleteOnClose, SecretStorage storage) throws IOException {
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
                List<Path> written = switch (storage) {
                    case FILES -> writeSecretFiles(directory, secrets);
                    case VAULT -> writeVault(directory, secrets);
                };
                Function<String, String> refs = switch (storage) {
                    case FILES -> name -> "file:" + directory.resolve(name).toAbsolutePath();
                    case VAULT -> name -> "vault:" + name;
                };
                Path connectionsFile = directory.resolve(CONNECTIONS_FILE_NAME);
                Files.writeString(connectionsFile, connectionsJson(refs, authorizationServer.tokenEndpoint()), StandardCharsets.UTF_8);
                written.add(connectionsFile);
                return new DemoSetup(authorizationServer, resource, directory, deleteOnClose, storage, written, demoConnections());
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

    public SecretStorage storage() {
        return storage;
    }

    /** Returns the vault file; it exists only when the storage is {@link SecretStorage#VAULT}. */
    public Path vaultFile() {
        return directory.resolve(VAULT_FILE_NAME);
    }

    /** Returns the key file of the vault; it exists only when the storage is {@link SecretStorage#VAULT}. */
    public Path vaultKeyFile() {
        return directory.resolve(VAULT_KEY_FILE_NAME);
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

    /**
     * Writes a new key file of 32 random bytes (permissions 0600) and a new vault with all secrets,
     * replacing both if an earlier run left them.
     */
    private static List<Path> writeVault(Path directory, Map<String, String> secrets) throws IOException {
        Path keyFile = directory.resolve(VAULT_KEY_FILE_NAME);
        Path vaultFile = directory.resolve(VAULT_FILE_NAME);
        Files.deleteIfExists(keyFile);
        Files.deleteIfExists(vaultFile);
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
        Files.write(keyFile, key);
        Arrays.fill(key, (byte) 0);

        Map<String, Secret> values = new LinkedHashMap<>();
        secrets.forEach((name, value) -> values.put(name, Secret.of(value)));
        Either<VaultError, VaultFile> vault = VaultFile.create(vaultFile, VaultKey.keyFile(keyFile))
                .flatMap(created -> created.setAll(values));
        if (vault.isLeft()) {
            throw new IOException(vault.getLeft().message());
        }
        // The vault's lock file is written beside it on the first write.
        return new ArrayList<>(List.of(keyFile, vaultFile, vaultFile.resolveSibling(VAULT_FILE_NAME + ".lock")));
    }

    private static String connectionsJson(Function<String, String> refs, URI tokenEndpoint) {
        Map<String, Object> connections = new LinkedHashMap<>();
        connections.put("basic", auth(fields(
                "type", "basic",
                "username", BASIC_USERNAME,
                "password", refs.apply("basic-password"))));
        connections.put("api-key-header", auth(fields(
                "type", "api-key",
                "in", "header",
                "name", API_KEY_HEADER,
                "value", refs.apply("api-key"))));
        connections.put("api-key-query", auth(fields(
                "type", "api-key",
                "in", "query",
                "name", API_KEY_QUERY_PARAMETER,
                "value", refs.apply("api-key"))));
        connections.put("oauth", auth(oauth(tokenEndpoint, refs.apply("client-secret"))));
        connections.put("oauth-wrong-secret", auth(oauth(tokenEndpoint, refs.apply("wrong-client-secret"))));
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

    /** 24 random bytes as unpadded base64url: 32 characters, 192 bits. */
    private static String randomSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
