package dev.httpauth.adapters.store.vault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The file attributes a store compares to notice that a file changed: its modification time, its size and its
 * file key, which on POSIX file systems identifies the inode.
 *
 * <p>NOTE: a rewrite that keeps all three goes unnoticed. Vault writes rename a new file into
 * place, which gives it a new inode, but an inode number can be reused and file systems with a
 * coarse clock (one or two seconds on FAT) may keep the modification time.
 */
record FileStamp(FileTime lastModified, long size, Object fileKey) {

    static FileStamp of(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
    }
}
