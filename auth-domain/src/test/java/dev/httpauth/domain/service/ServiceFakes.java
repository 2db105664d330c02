package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenRequest;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import dev.httpauth.domain.port.out.RequestTokenPort;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/** In-memory implementations of the outbound ports for service tests. All are thread-safe. */
final class ServiceFakes {

    static final SecretRef CLIENT_SECRET_REF = new SecretRef("memory", "client-secret");

    private ServiceFakes() {
    }

    /** Resolves every ref to the same secret. */
    static ResolveSecretPort secretsResolvingTo(String value) {
        return ref -> Either.right(Secret.of(value));
    }

    /** Serves connections from a map, optionally passing each through {@code onLoad} as a store that rebuilds them would. */
    static final class MapConnections implements LoadConnectionsPort {

        private final Map<String, Connection> byId = new HashMap<>();
        private final UnaryOperator<Connection> onLoad;

        MapConnections(List<Connection> connections, UnaryOperator<Connection> onLoad) {
            connections.forEach(connection -> byId.put(connection.id(), connection));
            this.onLoad = onLoad;
        }

        MapConnections(List<Connection> connections) {
            this(connections, UnaryOperator.identity());
        }

        @Override
        public Either<AuthError, Connection> loadConnection(String id) {
            Connection connection = byId.get(id);
            if (connection == null) {
                return Either.left(new AuthError.UnknownConnection(id, List.copyOf(byId.keySet())));
            }
            return Either.right(onLoad.apply(connection));
        }

        @Override
        public Either<AuthError, List<Connection>> loadAllConnections() {
            return Either.right(byId.values().stream().sorted(Comparator.comparing(Connection::id)).toList());
        }
    }

    /** A token endpoint that returns the script's outcome for call {@code n}, counted from 1. */
    static final class ScriptedTokenPort implements RequestTokenPort {

        private final IntFunction<Either<AuthError, TokenGrant>> script;
        private final AtomicInteger calls = new AtomicInteger();

        ScriptedTokenPort(IntFunction<Either<AuthError, TokenGrant>> script) {
            this.script = script;
        }

        /** Issues {@code token-1}, {@code token-2}, … with {@code expires_in} of {@code lifetime}. */
        static ScriptedTokenPort numberedTokens(Duration lifetime) {
            return new ScriptedTokenPort(call -> Either.right(grant("token-" + call, lifetime)));
        }

        static TokenGrant grant(String token, Duration lifetime) {
            return new TokenGrant(Secret.of(token), "Bearer", Optional.of(lifetime), Optional.empty());
        }

        @Override
        public Either<AuthError, TokenGrant> requestToken(TokenRequest request) {
            return script.apply(calls.incrementAndGet());
        }

        int requestCount() {
            return calls.get();
        }
    }

    /** Keeps every published event in order. */
    static final class RecordedEvents implements PublishAuthEventPort {

        private final List<AuthEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void publish(AuthEvent event) {
            events.add(event);
        }

        <E extends AuthEvent> List<E> ofType(Class<E> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<AuthEvent> all() {
            return List.copyOf(events);
        }
    }
}
