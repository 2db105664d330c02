package com.example.plugin.bad;

import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;

import java.util.Map;
import java.util.Optional;

/** Breaks the secrets rule twice: its API key and client secret are plain strings in the configuration. */
public record PlainSecretMethod(String apiKey, Optional<String> clientSecret, String keyId) implements CustomAuthMethod {

    @Override
    public String typeId() {
        return "plain-secret";
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of();
    }

    @Override
    public RequestCredentials authorize(OutgoingRequest request, Map<String, Secret> secrets) {
        return RequestCredentials.header("X-API-Key", Secret.of(apiKey));
    }
}
