package dev.httpauth.domain.service;

import dev.httpauth.domain.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds the value of a Basic {@code Authorization} header (RFC 7617 §2). */
public final class BasicCredentials {

    private BasicCredentials() {
    }

    /**
     * Returns {@code "Basic " + base64(username ":" password)}, with the user-pass encoded as
     * UTF-8 as the {@code charset="UTF-8"} parameter of RFC 7617 §2.1 announces. The caller has
     * checked that the username contains no {@code ':'}.
     */
    public static Secret headerValue(String username, Secret password) {
        byte[] userPass = (username + ':' + password.reveal()).getBytes(StandardCharsets.UTF_8);
        return Secret.of("Basic " + Base64.getEncoder().encodeToString(userPass));
    }
}
