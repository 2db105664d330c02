package dev.httpauth.adapters.store.vault;

/** The function that turns a vault key into the root key, recorded in the header by {@link #id()}. */
sealed interface KeyDerivation {

    /** The byte that identifies the derivation in the header. */
    int id();

    /** The kind of key this derivation needs. */
    VaultError.KeyKind keyKind();

    /** Argon2id over the UTF-8 bytes of a passphrase. */
    record Argon2id(Argon2Settings settings) implements KeyDerivation {

        static final int ID = 1;

        @Override
        public int id() {
            return ID;
        }

        @Override
        public VaultError.KeyKind keyKind() {
            return VaultError.KeyKind.PASSPHRASE;
        }
    }

    /** HKDF-SHA256 extraction (RFC 5869 §2.2) over the 32 bytes of a key file. */
    record KeyFileHkdf() implements KeyDerivation {

        static final int ID = 2;

        @Override
        public int id() {
            return ID;
        }

        @Override
        public VaultError.KeyKind keyKind() {
            return VaultError.KeyKind.KEY_FILE;
        }
    }
}
