package dev.httpauth.app;

/**
 * Thrown by the passphrase or password supplier of a vault or PKCS#12 store when it cannot
 * produce the key, for example because a passphrase file is missing or no passphrase was entered at a prompt.
 *
 * <p>The store configured through {@link HttpAuthModule} catches it and returns
 * {@code SecretUnavailable} with the message as the reason, so the message must say what is
 * missing and how to fix it, and must never contain a passphrase or password.
 */
public final class KeyUnavailableException extends RuntimeException {

    public KeyUnavailableException(String message) {
        super(message);
    }
}
