package dev.httpauth.adapters.store.vault;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.security.auth.DestroyFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Resolves {@code pkcs12:ALIAS} refs to the secret key entries of a PKCS#12 keystore.
 *
 * <p>The secret is the key's encoded bytes read as UTF-8, which is how {@code keytool -importpass}
 * stores a password: {@code keytool -importpass -alias crm-secret -storetype PKCS12 -keystore
 * secrets.p12}. Every entry must be protected by the keystore password. Aliases match without
 * regard to case, as the JDK's PKCS12 keystore treats them.
 *
 * <p>The store loads the keystore when a secret is first needed, decrypts all secret key entries
 * and keeps them in memory. It loads the file again when its modification time, size or file key
 * changed; see {@link FileStamp} for the rare change that goes unnoticed. Every failure becomes
 * {@code SecretUnavailable} naming the ref, the keystore file and the fix. Thread-safe.
 */
public final class Pkcs12SecretStore implements ResolveSecretPort {

    /** The scheme of the refs this store resolves. */
    public static final String SCHEME = "pkcs12";

    private static final Logger LOG = LoggerFactory.getLogger(Pkcs12SecretStore.class);

    /** Aliases beyond this number are counted, not named, in the message for a missing alias. */
    private static final int MAX_LISTED_ALIASES = 20;

    private final Path file;

    private final Supplier<char[]> password;

    private FileStamp loadedStamp;

    private SortedMap<String, Entry> loadedEntries;

    /**
     * Creates a store for the keystore at {@code keyStoreFile}.
     *
     * @param password called each time the store loads the keystore. It must return a new array on
     *     each call, because the store clears the array after loading. A host typically resolves
     *     another ref, such as {@code env:KEYSTORE_PASSWORD}, to obtain it.
     */
    public Pkcs12SecretStore(Path keyStoreFile, Supplier<char[]> password) {
        this.file = Objects.requireNonNull(keyStoreFile, "keyStoreFile").toAbsolutePath().normalize();
        this.password = Objects.requireNonNull(password, "password");
    }

    /** Returns the absolute path of the keystore file. */
    public Path path() {
        return file;
    }

    @Override
    public Either<AuthError, Secret> resolve(SecretRef ref) {
        Objects.requireNonNull(ref, "ref");
        if (!SCHEME.equals(ref.scheme())) {
            return Either.left(new AuthError.SecretUnavailable(ref,
                    "the PKCS#12 store resolves only " + SCHEME + ": refs, so route " + ref.scheme() + ": refs to their own store"));
        }

        return current().flatMap(entries -> lookUp(entries, ref.key()))
                .mapLeft(reason -> new AuthError.SecretUnavailable(ref, reason));
    }

    @Override
    public String toString() {
        return "Pkcs12SecretStore[" + file + "]";
    }

    private Either<String, Secret> lookUp(SortedMap<String, Entry> entries, String alias) {
        Entry entry = entries.get(alias);
        if (entry == null) {
            String present = entries.isEmpty() ? "it has no entries" : "its aliases are " + listed(entries.keySet());
            return Either.left("keystore " + file + " has no entry with alias '" + alias + "' (" + present
                    + "). Check the alias, or add the secret with keytool -importpass.");
        }
        return switch (entry) {
            case Entry.SecretValue secretValue -> Either.right(secretValue.secret());
            case Entry.WrongKind wrongKind -> Either.left("entry '" + alias + "' in keystore " + file + " is " + wrongKind.kind()
                    + ", but " + SCHEME + ": refs need a secret key entry. Store the secret with keytool -importpass.");
            case Entry.Unreadable unreadable -> Either.left("entry '" + alias + "' in keystore " + file + " " + unreadable.reason() + ".");
        };
    }

    private static String listed(Set<String> aliases) {
        String first = aliases.stream().limit(MAX_LISTED_ALIASES).collect(Collectors.joining(", "));
        int more = aliases.size() - MAX_LISTED_ALIASES;
        return more > 0 ? first + " and " + more + " more" : first;
    }

    /** Returns the entries the file contains now, loaded again only if the file changed. */
    private synchronized Either<String, SortedMap<String, Entry>> current() {
        FileStamp stamp;
        try {
            stamp = FileStamp.of(file);
        } catch (NoSuchFileException e) {
            return Either.left("keystore file " + file + " does not exist. Check the path.");
        } catch (IOException e) {
            return Either.left("cannot read keystore file " + file + ": " + AtomicFiles.describe(e) + ".");
        }
        if (stamp.equals(loadedStamp)) {
            return Either.right(loadedEntries);
        }

        // The stamp is taken before the load, so a write in between makes the next call load again.
        Either<String, SortedMap<String, Entry>> entries = load();
        entries.forEach(loaded -> {
            loadedStamp = stamp;
            loadedEntries = loaded;
            LOG.debug("Loaded PKCS#12 keystore {}: {} entries", file, loaded.size());
        });
        return entries;
    }

    private Either<String, SortedMap<String, Entry>> load() {
        char[] chars = Objects.requireNonNull(password.get(), "the keystore password supplier returned null");
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(chars);
        Arrays.fill(chars, '\0');
        try {
            Either<String, KeyStore> keyStore = open(protection.getPassword());
            if (keyStore.isLeft()) {
                return Either.left(keyStore.getLeft());
            }
            return Either.right(readEntries(keyStore.get(), protection));
        } catch (KeyStoreException e) {
            return Either.left("keystore " + file + " cannot be read: " + e.getMessage() + ".");
        } finally {
            destroy(protection);
        }
    }

    private Either<String, KeyStore> open(char[] storePassword) throws KeyStoreException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            return Either.left("keystore file " + file + " does not exist. Check the path.");
        } catch (IOException e) {
            return Either.left("cannot read keystore file " + file + ": " + AtomicFiles.describe(e) + ".");
        }

        try (in) {
            keyStore.load(in, storePassword);
            return Either.right(keyStore);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                return Either.left("the password of keystore " + file + " is wrong. Check the ref that supplies the keystore password.");
            }
            return Either.left("file " + file + " is not a PKCS#12 keystore or is damaged (" + e.getMessage()
                    + "). Check the path, or create the keystore with keytool -storetype PKCS12.");
        } catch (GeneralSecurityException e) {
            return Either.left("keystore " + file + " uses an algorithm that this Java runtime cannot read ("
                    + e.getMessage() + "). Recreate it with keytool of this Java version.");
        }
    }

    private SortedMap<String, Entry> readEntries(KeyStore keyStore, KeyStore.PasswordProtection protection) throws KeyStoreException {
        TreeMap<String, Entry> entries = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String alias : Collections.list(keyStore.aliases())) {
            entries.put(alias, readEntry(keyStore, alias, protection));
        }
        return Collections.unmodifiableSortedMap(entries);
    }

    private static Entry readEntry(KeyStore keyStore, String alias, KeyStore.PasswordProtection protection) throws KeyStoreException {
        if (keyStore.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
            return new Entry.WrongKind("a private key entry");
        }
        if (keyStore.entryInstanceOf(alias, KeyStore.TrustedCertificateEntry.class)) {
            return new Entry.WrongKind("a trusted certificate entry");
        }
        if (!keyStore.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
            return new Entry.WrongKind("an entry of an unknown kind");
        }

        byte[] encoded;
        try {
            KeyStore.SecretKeyEntry entry = (KeyStore.SecretKeyEntry) keyStore.getEntry(alias, protection);
            encoded = entry.getSecretKey().getEncoded();
        } catch (GeneralSecurityException e) {
            return new Entry.Unreadable("cannot be decrypted with the keystore password; store it with the keystore password as its key password");
        }
        if (encoded == null) {
            return new Entry.Unreadable("has a key that cannot be exported as bytes");
        }
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(encoded))
                    .toString();
            return new Entry.SecretValue(Secret.of(value));
        } catch (CharacterCodingException e) {
            return new Entry.Unreadable("holds bytes that are not UTF-8 text; " + SCHEME + ": refs need a text secret");
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static void destroy(KeyStore.PasswordProtection protection) {
        try {
            protection.destroy();
        } catch (DestroyFailedException e) {
            LOG.debug("Could not clear the keystore password copy", e);
        }
    }

    /** The content of one keystore alias. */
    private sealed interface Entry {

        record SecretValue(Secret secret) implements Entry {
        }

        record WrongKind(String kind) implements Entry {
        }

        record Unreadable(String reason) implements Entry {
        }
    }
}
