package dev.httpauth.domain.support;

import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.port.out.PublishAuthEventPort;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every published event in order. Thread-safe. */
public final class RecordingEvents implements PublishAuthEventPort {

    private final List<AuthEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(AuthEvent event) {
        events.add(event);
    }

    /** Returns the events published so far, oldest first. */
    public List<AuthEvent> events() {
        return List.copyOf(events);
    }

    /** Returns the events of {@code type} published so far, oldest first. */
    public <E extends AuthEvent> List<E> eventsOfType(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
