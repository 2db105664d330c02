package dev.httpauth.app.cli;

import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import dev.httpauth.adapters.store.InvalidPluginException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds auth method plugins that cannot be installed behind the exception Guice throws while it
 * creates the injector, so that the command line reports them as a configuration error.
 */
final class PluginFailures {

    private PluginFailures() {
    }

    /** Returns a usage failure with the plugin problems if {@code e} or one of its causes is an {@link InvalidPluginException}. */
    static Optional<CommandFailure> find(Throwable e) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        pending.add(e);
        while (!pending.isEmpty()) {
            Throwable current = pending.poll();
            if (!seen.add(current)) {
                continue;
            }
            if (current instanceof InvalidPluginException invalid) {
                return Optional.of(CommandFailure.usage(invalid.getMessage()));
            }
            if (current instanceof CreationException creation) {
                creation.getErrorMessages().stream().map(Message::getCause).filter(cause -> cause != null).forEach(pending::add);
            }
            if (current instanceof ProvisionException provision) {
                provision.getErrorMessages().stream().map(Message::getCause).filter(cause -> cause != null).forEach(pending::add);
            }
            if (current.getCause() != null) {
                pending.add(current.getCause());
            }
        }
        return Optional.empty();
    }
}
