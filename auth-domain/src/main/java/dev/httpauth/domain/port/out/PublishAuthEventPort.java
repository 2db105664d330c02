package dev.httpauth.domain.port.out;

import dev.httpauth.domain.model.AuthEvent;

/** Receives what happened while authorizing requests, for logs and metrics. */
public interface PublishAuthEventPort {

    /** Handles {@code event}. Called on the thread that caused it, so it should return quickly and not throw. */
    void publish(AuthEvent event);
}
