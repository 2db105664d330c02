package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets in files, written {@code file:/absolute/path}: the file's whole content, read as UTF-8,
 * is the secret.
 *
 * <p>One trailing line break ({@code "\n"} or {@code "\r\n"}), which editors and {@code echo}
 * add, is removed; any other whitespace is part of the secret. On file systems with POSIX
 * permissions, a file that its group or others may read or write is rejected. Files larger than
 * {@value #MAX_SIZE_BYTES} bytes are rejected, because a secret is short and a large file is
 * most likely the wrong one.
 *
 * <p>NOTE: The file is read on every call to {@link #resolve}, so a rotated secret takes effect
 * without a restart, at the cost of one file read per resolution.
 *
 * <p>Stateless and thread-safe.
 */
public final class FileSecretStore implements ResolveSecretPort {

    /** The maximum size of a secret file: 64 KiB. */
    static final int MAX_SIZE_BYTES = 64 * 1024;

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS_READ_WRITE = EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);

    /** Creates a store that reads files by absolute path. */
    public FileSecretStore() {
    }

    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        Path file;
        try {
            file = Path.of(ref.key());
        } catch (InvalidPathException e) {
            return unavailable(ref, "'" + JsonPaths.printable(ref.key()) + "' is not a valid file path: " + e.getReason());
        }
        if (!file.isAbsolute()) {
            return unavailable(ref, "'" + JsonPaths.printable(ref.key()) + "' is a relative path: write an absolute path, such as "
                    + "file:/run/secrets/name, so that the secret does not depend on the working directory");
        }

        return checkedAttributes(ref, file)
                .flatMap(size -> readContent(ref, file))
                .flatMap(bytes -> decode(ref, file, bytes));
    }

    @Override
    public String toString() {
        return "FileSecretStore";
    }

    /** Checks that {@code file} is a regular file of at most {@link #MAX_SIZE_BYTES} that only its owner may read and write. */
    private static Either<AuthError, Long> checkedAttributes(SecretRef ref, Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return unavailable(ref, "the file " + file + " does not exist: create it with the secret as its only content, "
                    + "then run `chmod 600 " + file + "`");
        } catch (IOException e) {
            return unavailable(ref, readFailure(file, e));
        }

        if (attributes.isDirectory()) {
            return unavailable(ref, file + " is a directory: point the ref at the file that contains the secret");
        }
        if (!attributes.isRegularFile()) {
            return unavailable(ref, file + " is not a regular file: point the ref at a plain file that contains the secret");
        }
        Optional<String> permissionProblem = permissionProblem(file);
        if (permissionProblem.isPresent()) {
            return unavailable(ref, permissionProblem.get());
        }
        if (attributes.size() > MAX_SIZE_BYTES) {
            return unavailable(ref, tooLarge(file, attributes.size() + " bytes"));
        }
        return Either.right(attributes.size());
    }

    /**
     * Rejects a file that its group or others may read or write, because any other account on
     * the machine could then read the secret.
     *
     * <p>NOTE: Container platforms mount secrets readable by all unless told otherwise: the
     * Kubernetes API reference gives {@code SecretVolumeSource.defaultMode} a default of 0644, and
     * the Compose file reference gives a service secret's {@code mode} a default of 0444. Such
     * mounts need their mode set to 0600 or 0400 to be accepted.
     */
    private static Optional<String> permissionProblem(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.readAttributes(file, PosixFileAttributes.class).permissions();
        } catch (UnsupportedOperationException e) {
            // The file system has no POSIX permissions (such as NTFS on Windows), so there is nothing to check.
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(readFailure(file, e));
        }

        Set<PosixFilePermission> tooOpen = EnumSet.noneOf(PosixFilePermission.class);
        tooOpen.addAll(permissions);
        tooOpen.retainAll(GROUP_OR_OTHERS_READ_WRITE);
        if (tooOpen.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the file " + file + " may be read or written by its group or by others (permissions "
                + PosixFilePermissions.toString(permissions) + "): run `chmod 600 " + file
                + "` so that only its owner can read it; for a mounted secret volume, set its file mode to 0600 or 0400");
    }

    /** Reads at most one byte more than the limit, in case the file grew after its size was checked. */
    private static Either<AuthError, byte[]> readContent(SecretRef ref, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_SIZE_BYTES + 1);
            if (bytes.length > MAX_SIZE_BYTES) {
                return unavailable(ref, tooLarge(file, "more than " + MAX_SIZE_BYTES + " bytes"));
            }
            return Either.right(bytes);
        } catch (IOException e) {
            return unavailable(ref, readFailure(file, e));
        }
    }

    private static Either<AuthError, Secret> decode(SecretRef ref, Path file, byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return unavailable(ref, "the file " + file + " is not valid UTF-8 text: store the secret as UTF-8");
        }

        if (text.isEmpty()) {
            return unavailable(ref, "the file " + file + " is empty: write the secret into it");
        }
        String secret = withoutTrailingLineBreak(text);
        if (secret.isEmpty()) {
            return unavailable(ref, "the file " + file + " contains only a line break: write the secret into it");
        }
        return Either.right(Secret.of(secret));
    }

    private static String withoutTrailingLineBreak(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        if (text.endsWith("\n")) {
            return text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static String tooLarge(Path file, String size) {
        return "the file " + file + " has " + size + ", more than the 64 KiB (" + MAX_SIZE_BYTES + " bytes) allowed for a secret file: "
                + "check that the ref points at the file that contains only the secret";
    }

    private static String readFailure(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return "the file " + file + " cannot be read (permission denied): make it readable by the user that runs this process";
        }
        return "the file " + file + " cannot be read: " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static <T> Either<AuthError, T> unavailable(SecretRef ref, String reason) {
        return Either.left(new AuthError.SecretUnavailable(ref, reason));
    }
}
