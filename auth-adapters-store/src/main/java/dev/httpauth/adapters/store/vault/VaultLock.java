package dev.httpauth.adapters.store.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive right to change one vault file, held across threads and processes.
 *
 * <p>Processes lock the sibling file {@code <vault>.lock} with an OS file lock, which the OS
 * releases when a process dies. A JVM holds such a lock for itself and not for one of its
 * threads, so threads of one JVM first take a {@link ReentrantLock} per lock file. The lock file
 * stays in place: deleting it would let a process lock a fresh file while another still holds the
 * deleted one.
 *
 * <p>{@link #acquire} blocks until the lock is free, with no timeout.
 */
final class VaultLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;

    private final FileChannel channel;

    private final FileLock fileLock;

    private VaultLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Returns the path of the lock file that guards {@code vaultFile}. */
    static Path lockFileOf(Path vaultFile) {
        return vaultFile.resolveSibling(vaultFile.getFileName() + ".lock");
    }

    /** Blocks until this thread holds the lock of {@code vaultFile}, which must be absolute. */
    static VaultLock acquire(Path vaultFile) throws IOException {
        Path lockFile = lockFileOf(vaultFile);
        ReentrantLock threadLock = THREAD_LOCKS.computeIfAbsent(lockFile, path -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            channel = openLockFile(lockFile);
            return new VaultLock(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            threadLock.unlock();
            throw e;
        }
    }

    private static FileChannel openLockFile(Path lockFile) throws IOException {
        if (AtomicFiles.supportsPosix(lockFile)) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_READ_WRITE);
            return FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), ownerOnly);
        }
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
        } finally {
            try {
                channel.close();
            } finally {
                threadLock.unlock();
            }
        }
    }
}
