package com.example.plugin.good;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthorizationContext;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.SecretRef;
import io.vavr.control.Either;

import java.util.Map;
import java.util.Optional;

/** A plugin configuration that keeps every rule: a record, its secret in a SecretRef, an authorize method. */
public record GoodSigning(SecretRef signingKey, String keyId, Optional<String> tokenHeader) implements CustomAuthMethod {

    public static final String TYPE_ID = "good-signing";

    @Override
    public String typeId() {
        return TYPE_ID;
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of("signingKey", signingKey);
    }

    @Override
    public Either<AuthError, RequestCredentials> authorize(AuthorizationContext context) {
        return Either.right(RequestCredentials.header(tokenHeader.orElse("X-Signature"), context.secret("signingKey")));
    }
}
