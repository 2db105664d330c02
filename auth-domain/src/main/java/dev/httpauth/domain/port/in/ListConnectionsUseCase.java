package dev.httpauth.domain.port.in;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConnectionStatus;
import io.vavr.control.Either;

import java.util.List;

/** Lists the configured connections and checks each without contacting any server. */
public interface ListConnectionsUseCase {

    /**
     * Returns every connection in id order with the problems found in it, such as a secret ref
     * that does not resolve, or the error that kept the configuration from loading.
     */
    Either<AuthError, List<ConnectionStatus>> listConnections();
}
