package dev.httpauth.domain.model;

import java.util.Map;

/**
 * How a connection authenticates its requests.
 *
 * <p>The built-in methods are records that hold configuration only: secret values stay behind
 * {@link SecretRef}s until a request needs them. Plugins add methods by implementing
 * {@link CustomAuthMethod}. Code that acts on a method switches over this sealed type without a
 * {@code default} branch, so a new built-in method fails to compile wherever it is not handled yet.
 */
public sealed interface HttpAuthMethod permits Basic, ApiKey, OAuthClientCredentials, CustomAuthMethod {

    /** The stable id that the {@code type} field of a connections file uses for this method. */
    String typeId();

    /**
     * The secret refs this method needs, keyed by the configuration field that contains each one.
     * The map iterates in a stable order.
     */
    Map<String, SecretRef> secretRefs();
}
