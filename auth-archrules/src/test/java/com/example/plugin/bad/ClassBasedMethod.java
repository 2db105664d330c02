package com.example.plugin.bad;

import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.SecretRef;

import java.util.Map;

/** Breaks the record rule and the authorize rule: a plain class that implements neither authorize method. */
public final class ClassBasedMethod implements CustomAuthMethod {

    private final SecretRef signingKey;

    public ClassBasedMethod(SecretRef signingKey) {
        this.signingKey = signingKey;
    }

    @Override
    public String typeId() {
        return "class-based";
    }

    @Override
    public Map<String, SecretRef> secretRefs() {
        return Map.of("signingKey", signingKey);
    }
}
