package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.Text;
import io.vavr.control.Either;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The named secrets of a vault, immutable, and their plaintext encoding.
 *
 * <p>Encoding, integers big-endian: the number of secrets (4 bytes), then for each secret in name
 * order the name length (2 bytes), the name in UTF-8, the value length (4 bytes) and the value in
 * UTF-8.
 */
final class VaultContents {

    static final int MAX_NAME_BYTES = 1024;

    private static final VaultContents EMPTY = new VaultContents(new TreeMap<>());

    private final SortedMap<String, Secret> secrets;

    private VaultContents(TreeMap<String, Secret> secrets) {
        this.secrets = Collections.unmodifiableSortedMap(secrets);
    }

    static VaultContents empty() {
        return EMPTY;
    }

    /**
     * Returns what is wrong with {@code name}, or empty if a vault accepts it: a name is not blank,
     * has no control characters and takes at most 1024 bytes in UTF-8.
     */
    static Optional<String> nameProblem(String name) {
        if (name.isBlank()) {
            return Optional.of("the name is blank");
        }
        if (Text.containsControlCharacter(name)) {
            return Optional.of("the name contains a control character");
        }
        int length = name.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_NAME_BYTES) {
            return Optional.of("the name takes " + length + " bytes in UTF-8, more than " + MAX_NAME_BYTES);
        }
        return Optional.empty();
    }

    Optional<Secret> get(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(secrets.keySet()));
    }

    int size() {
        return secrets.size();
    }

    VaultContents with(Map<String, Secret> changes) {
        TreeMap<String, Secret> copy = new TreeMap<>(secrets);
        copy.putAll(changes);
        return new VaultContents(copy);
    }

    VaultContents without(String name) {
        TreeMap<String, Secret> copy = new TreeMap<>(secrets);
        copy.remove(name);
        return new VaultContents(copy);
    }

    /** Encodes the secrets; the caller clears the returned plaintext once it is encrypted. */
    byte[] encode() {
        List<byte[]> fields = new ArrayList<>();
        int length = 4;
        for (Map.Entry<String, Secret> entry : secrets.entrySet()) {
            byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = entry.getValue().reveal().getBytes(StandardCharsets.UTF_8);
            fields.add(name);
            fields.add(value);
            length += 2 + name.length + 4 + value.length;
        }

        ByteBuffer buffer = ByteBuffer.allocate(length);
        buffer.putInt(secrets.size());
        for (int i = 0; i < fields.size(); i += 2) {
            byte[] name = fields.get(i);
            byte[] value = fields.get(i + 1);
            buffer.putShort((short) name.length).put(name);
            buffer.putInt(value.length).put(value);
            Arrays.fill(value, (byte) 0);
        }
        return buffer.array();
    }

    /**
     * Decodes {@link #encode()} output.
     *
     * @return the contents, or a description of the first defect, which never quotes a value
     */
    static Either<String, VaultContents> decode(byte[] plaintext) {
        ByteBuffer buffer = ByteBuffer.wrap(plaintext);
        TreeMap<String, Secret> secrets = new TreeMap<>();
        try {
            int count = buffer.getInt();
            for (int i = 0; i < count; i++) {
                String name = utf8(buffer, Short.toUnsignedInt(buffer.getShort()));
                String value = utf8(buffer, buffer.getInt());
                if (secrets.put(name, Secret.of(value)) != null) {
                    return Either.left("the decrypted secrets name '" + name + "' twice");
                }
            }
        } catch (BufferUnderflowException e) {
            return Either.left("the decrypted secrets end too early");
        } catch (CharacterCodingException e) {
            return Either.left("the decrypted secrets are not valid UTF-8");
        }
        if (buffer.hasRemaining()) {
            return Either.left("the decrypted secrets have " + buffer.remaining() + " unexpected bytes at the end");
        }
        return Either.right(new VaultContents(secrets));
    }

    private static String utf8(ByteBuffer buffer, int length) throws CharacterCodingException {
        if (length < 0 || length > buffer.remaining()) {
            throw new BufferUnderflowException();
        }
        ByteBuffer slice = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(slice)
                .toString();
    }

    @Override
    public String toString() {
        return "VaultContents[" + secrets.size() + " secrets]";
    }
}
