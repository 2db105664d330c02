package dev.httpauth.adapters.store.plugin;

import dev.httpauth.domain.model.AuthorizationContext;
import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration of a test plugin: a required secret and key id, an optional header, and an
 * optional nested window with a required tolerance.
 */
public record WebhookSigning(SecretRef secret, String keyId, Optional<String> header, Optional<Window> window) implements CustomAuthMethod {

    public static final String TYPE_ID = "webhook-signing";

    /** A nested object of the configuration. */
    public record Window(Duration tolerance) {
    }

    public WebhookSigning {
        header = header == null ? Optional.empty() : header;
        window = window == null ? Optional.empty() : window;
    }

    @Override
    public String typeId() {
        return TYPE_ID;
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of("secret", secret);
    }

    @Override
    public Either<AuthError, RequestCredentials> authorize(AuthorizationContext context) {
        return Either.right(RequestCredentials.header(header.orElse("X-Signature"), context.secret("secret")));
    }
}
