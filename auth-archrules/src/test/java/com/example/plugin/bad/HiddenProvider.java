package com.example.plugin.bad;

import dev.httpauth.domain.spi.AuthMethodProvider;

/** Breaks the service loading rule with a private constructor, and the secrets rule with a password field. */
public final class HiddenProvider implements AuthMethodProvider<PlainSecretMethod> {

    private final char[] defaultPassword;

    private HiddenProvider(char[] defaultPassword) {
        this.defaultPassword = defaultPassword.clone();
    }

    @Override
    public String typeId() {
        return "plain-secret";
    }

    @Override
    public Class<PlainSecretMethod> configurationType() {
        return PlainSecretMethod.class;
    }

    int passwordLength() {
        return defaultPassword.length;
    }
}
