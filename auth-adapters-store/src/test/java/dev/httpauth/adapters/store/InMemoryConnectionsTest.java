package dev.httpauth.adapters.store;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryConnectionsTest {

    private static final Connection BILLING = new Connection("billing", new Basic("apiuser", SecretStoreContract.ref("env:BILLING_PASSWORD")));
    private static final Connection MAPS = new Connection("maps", ApiKey.inHeader("X-API-Key", SecretStoreContract.ref("env:MAPS_KEY")));

    @Test
    void loadConnectionReturnsConnectionWithId() {
        InMemoryConnections connections = new InMemoryConnections(List.of(MAPS, BILLING));

        Either<AuthError, Connection> connection = connections.loadConnection("maps");

        assertThat(connection.get()).isEqualTo(MAPS);
    }

    @Test
    void loadConnectionReportsUnknownIdWithKnownIds() {
        InMemoryConnections connections = new InMemoryConnections(List.of(MAPS, BILLING));

        Either<AuthError, Connection> connection = connections.loadConnection("crm");

        assertThat(connection.getLeft()).isEqualTo(new AuthError.UnknownConnection("crm", List.of("billing", "maps")));
    }

    @Test
    void loadAllConnectionsReturnsIdOrder() {
        InMemoryConnections connections = new InMemoryConnections(List.of(MAPS, BILLING));

        assertThat(connections.loadAllConnections().get()).containsExactly(BILLING, MAPS);
    }

    @Test
    void constructorListsEveryProblemWithPath() {
        Connection badUsername = new Connection("billing", new Basic("api:user", SecretStoreContract.ref("env:P")));
        Connection badEndpoint = new Connection("crm", OAuthClientCredentials.of(
                URI.create("http://login.example.com/token"), "", SecretStoreContract.ref("env:S"), List.of()));
        Connection badId = new Connection("bad id", ApiKey.inQuery("key", SecretStoreContract.ref("env:K")));

        assertThatThrownBy(() -> new InMemoryConnections(List.of(badUsername, badEndpoint, badId)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connections.billing.auth.username: ")
                .hasMessageContaining("connections.crm.auth.tokenEndpoint: ")
                .hasMessageContaining("connections.crm.auth.clientId: ")
                .hasMessageContaining("connections.bad id: 'bad id' is not a valid connection id");
    }

    @Test
    void constructorRejectsDuplicateId() {
        Connection otherMaps = new Connection("maps", ApiKey.inQuery("key", SecretStoreContract.ref("env:K")));

        assertThatThrownBy(() -> new InMemoryConnections(List.of(MAPS, otherMaps)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connections.maps: duplicate connection id 'maps'");
    }
}
