package dev.httpauth.adapters.store.vault;

import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads whole files and replaces them atomically, so that a reader, and the file a crash leaves
 * behind, has either the old or the new content and never a mix.
 */
final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private static final String TEMPORARY_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Reads all of {@code file}, refusing files larger than {@code maxBytes}. */
    static Either<VaultError, byte[]> read(Path file, int maxBytes) {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > maxBytes) {
                return Either.left(new VaultError.TooLarge(file, size, maxBytes));
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // Read until the buffer is full or the file ends.
            }
            return Either.right(buffer.hasRemaining() ? Arrays.copyOf(buffer.array(), buffer.position()) : buffer.array());
        } catch (NoSuchFileException e) {
            return Either.left(new VaultError.NotFound(file));
        } catch (IOException e) {
            return Either.left(new VaultError.IoFailure(file, "read", describe(e)));
        }
    }

    /**
     * Replaces {@code target} with {@code content} in one atomic step.
     *
     * <p>The steps: create a temporary file in the same directory, with owner-only permissions on
     * POSIX file systems before any content is written; write the content and force it to the
     * device; rename the temporary file over the target; force the directory, so that the rename
     * itself survives a power loss. Every write therefore leaves the target with mode 0600 on
     * POSIX, whatever mode it had before. If a step before the rename fails, the target is
     * untouched and the temporary file is deleted.
     *
     * <p>The caller holds the vault lock, because two writers would otherwise each rename their
     * own version and one update would be lost.
     */
    static void replace(Path target, byte[] content) throws IOException {
        Path directory = target.getParent();
        Path temporary = createTemporaryFile(directory, target.getFileName().toString());
        boolean renamed = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
        } finally {
            if (!renamed) {
                Files.deleteIfExists(temporary);
            }
        }
        forceDirectory(directory);
    }

    /**
     * Deletes temporary files that writers of {@code target} left behind when they were killed
     * between creating and renaming them. Call only while holding the vault lock: then no writer
     * is between those steps, and every such file is abandoned.
     */
    static void deleteAbandonedTemporaryFiles(Path target) throws IOException {
        String prefix = temporaryPrefix(target.getFileName().toString());
        DirectoryStream.Filter<Path> abandoned = path -> {
            String name = path.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TEMPORARY_SUFFIX);
        };
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(), abandoned)) {
            for (Path file : files) {
                if (Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        if (deleted > 0) {
            LOG.debug("Deleted {} temporary files that interrupted writes of vault file {} left behind", deleted, target);
        }
    }

    /** Tells whether {@code path}'s file system has POSIX permissions. */
    static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Describes an I/O failure by its type and message, which name files but no content. */
    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> "no such file " + missing.getFile();
            case AccessDeniedException denied -> "permission denied on " + denied.getFile();
            default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        };
    }

    private static Path createTemporaryFile(Path directory, String targetName) throws IOException {
        String prefix = temporaryPrefix(targetName);
        if (!supportsPosix(directory)) {
            return Files.createTempFile(directory, prefix, TEMPORARY_SUFFIX);
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE);
        Path temporary = Files.createTempFile(directory, prefix, TEMPORARY_SUFFIX, ownerOnly);
        // The umask may have removed bits from the mode requested at creation.
        Files.setPosixFilePermissions(temporary, OWNER_READ_WRITE);
        return temporary;
    }

    private static String temporaryPrefix(String targetName) {
        return "." + targetName + ".";
    }

    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel, so the file system alone decides when the rename is durable.
            LOG.debug("This platform cannot force directory {} to the device", directory, e);
        } catch (IOException e) {
            LOG.warn("Forcing directory {} to the device failed; the last vault write may not survive a power loss",
                    directory, e);
        }
    }
}
