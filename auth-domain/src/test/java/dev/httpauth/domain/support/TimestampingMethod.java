package dev.httpauth.domain.support;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthorizationContext;
import dev.httpauth.domain.model.BodyDigest;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Either;

import java.util.Map;

/**
 * A plugin auth method for tests that reads the whole {@link AuthorizationContext}. It sends
 * {@code X-Stamp: <epoch seconds> <connection id> <body digest or -> <key>}, and fails with an
 * invalid configuration when the key is {@link #REJECTED_KEY}.
 */
public record TimestampingMethod(SecretRef key) implements CustomAuthMethod {

    public static final String TYPE_ID = "test-timestamping";
    public static final String REJECTED_KEY = "too-short";

    @Override
    public String typeId() {
        return TYPE_ID;
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of("key", key);
    }

    @Override
    public Either<AuthError, RequestCredentials> authorize(AuthorizationContext context) {
        Secret key = context.secret("key");
        if (key.reveal().equals(REJECTED_KEY)) {
            return Either.left(context.invalidConfiguration("key", "the secret " + this.key + " is too short: store a longer key"));
        }
        String stamp = context.clock().instant().getEpochSecond()
                + " " + context.connectionId()
                + " " + context.request().bodyDigest().map(BodyDigest::hex).orElse("-")
                + " " + key.reveal();
        return Either.right(RequestCredentials.header("X-Stamp", Secret.of(stamp)));
    }
}
