package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.ConnectionStatus;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.port.in.ListConnectionsUseCase;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lists connections and checks that every secret they refer to can be resolved. */
public final class ConnectionListService implements ListConnectionsUseCase {

    private final LoadConnectionsPort connections;
    private final MethodSecrets secrets;

    public ConnectionListService(LoadConnectionsPort connections, ResolveSecretPort secretStore) {
        this.connections = connections;
        this.secrets = new MethodSecrets(secretStore);
    }

    @Override
    public Either<AuthError, List<ConnectionStatus>> listConnections() {
        return connections.loadAllConnections().map(all -> all.stream().map(this::check).toList());
    }

    private ConnectionStatus check(Connection connection) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (Map.Entry<String, SecretRef> field : connection.auth().secretRefs().entrySet()) {
            secrets.resolve(connection.id(), field.getKey(), field.getValue())
                    .peekLeft(error -> problems.add(new ConfigProblem(
                            "connections." + connection.id() + ".auth." + field.getKey(), error.message())));
        }
        return new ConnectionStatus(connection, problems);
    }
}
