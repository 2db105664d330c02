package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FileSecretStoreTest extends SecretStoreContract {

    @TempDir
    Path directory;

    private final FileSecretStore store = new FileSecretStore();

    @Override
    ResolveSecretPort storeHoldingCanary() throws IOException {
        secretFile("canary", CANARY, "rw-------");
        return store;
    }

    @Override
    SecretRef presentRef() {
        return refTo(directory.resolve("canary"));
    }

    @Override
    SecretRef missingRef() {
        return refTo(directory.resolve("absent"));
    }

    @Override
    List<SecretRef> otherFailingRefs() throws IOException {
        return List.of(
                refTo(secretFile("readable-by-all", CANARY, "rw-r--r--")),
                refTo(secretFile("too-large", CANARY.repeat(FileSecretStore.MAX_SIZE_BYTES / CANARY.length() + 1), "rw-------")),
                refTo(secretFile("empty", "", "rw-------")),
                refTo(Files.createDirectories(directory.resolve("a-directory"))),
                ref("file:relative/secret"));
    }

    @Test
    void resolveStripsOneTrailingNewline() throws IOException {
        Path file = secretFile("secret", "s3cret\n", "rw-------");

        assertThat(store.resolve(refTo(file)).get().reveal()).isEqualTo("s3cret");
    }

    @Test
    void resolveStripsOneTrailingCarriageReturnNewline() throws IOException {
        Path file = secretFile("secret", "s3cret\r\n", "rw-------");

        assertThat(store.resolve(refTo(file)).get().reveal()).isEqualTo("s3cret");
    }

    static Stream<Arguments> contentsAndSecrets() {
        return Stream.of(
                Arguments.of("s3cret\n\n", "s3cret\n"),
                Arguments.of("s3cret\r", "s3cret\r"),
                Arguments.of("s3cret\n\r\n", "s3cret\n"),
                Arguments.of(" s3cret \t", " s3cret \t"),
                Arguments.of("line1\nline2", "line1\nline2"),
                Arguments.of("\n\n", "\n"));
    }

    @ParameterizedTest
    @MethodSource("contentsAndSecrets")
    void resolveStripsNothingElse(String content, String expected) throws IOException {
        Path file = secretFile("secret", content, "rw-------");

        assertThat(store.resolve(refTo(file)).get().reveal()).isEqualTo(expected);
    }

    @Test
    void resolveReadsUtf8() throws IOException {
        Path file = secretFile("secret", "pässwörd-密码", "rw-------");

        assertThat(store.resolve(refTo(file)).get().reveal()).isEqualTo("pässwörd-密码");
    }

    @Test
    void resolveReadsFileAgainOnEveryCall() throws IOException {
        Path file = secretFile("secret", "first", "rw-------");
        String before = store.resolve(refTo(file)).get().reveal();

        Files.writeString(file, "rotated");
        String after = store.resolve(refTo(file)).get().reveal();

        assertThat(before).isEqualTo("first");
        assertThat(after).isEqualTo("rotated");
    }

    @Test
    void resolveRejectsRelativePath() {
        Either<AuthError, Secret> resolved = store.resolve(ref("file:run/secrets/crm"));

        assertThat(resolved.getLeft().message())
                .contains("'run/secrets/crm' is a relative path")
                .contains("absolute path");
    }

    @Test
    void resolveRejectsMissingFile() {
        Path file = directory.resolve("absent");

        Either<AuthError, Secret> resolved = store.resolve(refTo(file));

        assertThat(resolved.getLeft().message())
                .contains("the file " + file + " does not exist")
                .contains("chmod 600 " + file);
    }

    @Test
    void resolveRejectsDirectory() throws IOException {
        Path subdirectory = Files.createDirectories(directory.resolve("secrets"));

        Either<AuthError, Secret> resolved = store.resolve(refTo(subdirectory));

        assertThat(resolved.getLeft().message()).contains(subdirectory + " is a directory");
    }

    @Test
    void resolveRejectsEmptyFile() throws IOException {
        Path file = secretFile("secret", "", "rw-------");

        Either<AuthError, Secret> resolved = store.resolve(refTo(file));

        assertThat(resolved.getLeft().message()).contains("the file " + file + " is empty");
    }

    @Test
    void resolveRejectsFileWithOnlyLineBreak() throws IOException {
        Path file = secretFile("secret", "\n", "rw-------");

        Either<AuthError, Secret> resolved = store.resolve(refTo(file));

        assertThat(resolved.getLeft().message()).contains("contains only a line break");
    }

    @Test
    void resolveAcceptsFileOfMaximumSize() throws IOException {
        Path file = secretFile("secret", "x".repeat(FileSecretStore.MAX_SIZE_BYTES), "rw-------");

        Either<AuthError, Secret> resolved = store.resolve(refTo(file));

        assertThat(resolved.get().length()).isEqualTo(64 * 1024);
    }

    @Test
    void resolveRejectsFileLargerThanMaximum() throws IOException {
        Path file = secretFile("secret", "x".repeat(FileSecretStore.MAX_SIZE_BYTES + 1), "rw-------");

        Either<AuthError, Secret> resolved = store.resolve(refTo(file));

        assertThat(resolved.getLeft().message())
                .contains("the file " + file + " has 65537 bytes")
                .contains("64 KiB");
    }

    @Test
    void resolveRejectsInvalidUtf8() throws IOException {
        Path file = directory.resolve("secret");
        Files.write(file, new byte[] {'a', (byte) 0xC3, (byte) 0x28});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        Either<AuthError, Secret> resolved = store.resolve(refTo(file));

        assertThat(resolved.getLeft().message()).contains("is not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r--r--", "rw-r-----", "rw--w----", "rw----r--", "rw-----w-", "r--r--r--"})
    void resolveRejectsFileOpenToGroupOrOthers(String permissions) throws IOException {
        Path file = secretFile("secret", "s3cret", permissions);

        Either<AuthError, Secret> resolved = store.resolve(refTo(file));

        assertThat(resolved.getLeft().message())
                .contains("the file " + file)
                .contains("(permissions " + permissions + ")")
                .contains("chmod 600 " + file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-------", "r--------", "rwx------", "rw---x--x"})
    void resolveAcceptsFileOpenToOwnerOnly(String permissions) throws IOException {
        Path file = secretFile("secret", "s3cret", permissions);

        Either<AuthError, Secret> resolved = store.resolve(refTo(file));

        assertThat(resolved.get().reveal()).isEqualTo("s3cret");
    }

    @Test
    void resolveFollowsSymbolicLink() throws IOException {
        Path target = secretFile("target", "s3cret", "rw-------");
        Path link = Files.createSymbolicLink(directory.resolve("link"), target);

        Either<AuthError, Secret> resolved = store.resolve(refTo(link));

        assertThat(resolved.get().reveal()).isEqualTo("s3cret");
    }

    private Path secretFile(String name, String content, String permissions) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    private static SecretRef refTo(Path file) {
        return new SecretRef("file", file.toString());
    }
}
