package dev.httpauth.domain.support;

import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;

import java.util.Map;

/**
 * A plugin auth method for tests. It sends {@code X-Signature: <method> <path> <key>}, so a test can
 * see which request and which resolved secret the method was given.
 */
public record SigningMethod(SecretRef signingKey) implements CustomAuthMethod {

    public static final String TYPE_ID = "test-signing";

    @Override
    public String typeId() {
        return TYPE_ID;
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of("signingKey", signingKey);
    }

    @Override
    public RequestCredentials authorize(OutgoingRequest request, Map<String, Secret> secrets) {
        String signature = request.method() + " " + request.uri().getPath() + " " + secrets.get("signingKey").reveal();
        return RequestCredentials.header("X-Signature", Secret.of(signature));
    }
}
