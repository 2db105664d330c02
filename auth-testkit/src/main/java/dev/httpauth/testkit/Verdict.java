package dev.httpauth.testkit;

/** The outcome of checking the credentials of one request to the {@link ProtectedResource}. */
sealed interface Verdict {

    /**
     * Valid credentials.
     *
     * @param method the auth method: {@code basic}, {@code api-key} or {@code bearer}
     * @param subject who the credentials belong to
     */
    record Authorized(String method, String subject) implements Verdict {
    }

    /**
     * Missing or invalid credentials.
     *
     * @param challenge the {@code WWW-Authenticate} header value
     * @param reason why, in words that never repeat a credential
     */
    record Rejected(String challenge, String reason) implements Verdict {
    }
}
