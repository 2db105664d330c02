package com.example.plugin.bad;

import dev.httpauth.adapters.store.InMemorySecretStore;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;

import java.util.Map;

/** Breaks the domain API rule: it resolves its secret through a store adapter of its own. */
public record AdapterUsingMethod(SecretRef signingKey) implements CustomAuthMethod {

    @Override
    public String typeId() {
        return "adapter-using";
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of();
    }

    @Override
    public RequestCredentials authorize(OutgoingRequest request, Map<String, Secret> secrets) {
        Secret key = new InMemorySecretStore().resolve(signingKey).getOrElseThrow(error -> new IllegalStateException(error.message()));
        return RequestCredentials.header("X-Signature", key);
    }
}
