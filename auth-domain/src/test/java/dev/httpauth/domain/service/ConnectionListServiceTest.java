package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.ConnectionStatus;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.support.FakeConnections;
import dev.httpauth.domain.support.FakeSecretStore;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.httpauth.domain.support.Fixtures.CLIENT_SECRET_REF;
import static dev.httpauth.domain.support.Fixtures.TOKEN_ENDPOINT;
import static dev.httpauth.domain.support.Fixtures.basicMethod;
import static dev.httpauth.domain.support.Fixtures.headerKeyMethod;
import static dev.httpauth.domain.support.Fixtures.oauthMethod;
import static dev.httpauth.domain.support.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectionListServiceTest {

    private final FakeSecretStore secrets = new FakeSecretStore()
            .with("env:BILLING_PASSWORD", "open sesame")
            .with(CLIENT_SECRET_REF, "client-secret-456");

    @Test
    void everyConnectionIsListedInIdOrder() {
        ConnectionListService service = new ConnectionListService(
                FakeConnections.of(new Connection("crm", oauthMethod()), new Connection("billing", basicMethod("Aladdin"))), secrets);

        Either<AuthError, List<ConnectionStatus>> listed = service.listConnections();

        assertThat(listed.get()).extracting(status -> status.connection().id()).containsExactly("billing", "crm");
        assertThat(listed.get()).allSatisfy(status -> assertThat(status.usable()).isTrue());
    }

    @Test
    void unresolvableSecretIsReportedWithPath() {
        OAuthClientCredentials withMissingSecret = OAuthClientCredentials.of(TOKEN_ENDPOINT, "erp-client", ref("env:ERP_SECRET"), List.of());
        ConnectionListService service = new ConnectionListService(
                FakeConnections.of(
                        new Connection("billing", basicMethod("Aladdin")),
                        new Connection("erp", withMissingSecret),
                        new Connection("maps", headerKeyMethod("X-API-Key"))),
                secrets);

        List<ConnectionStatus> listed = service.listConnections().get();

        assertThat(listed).extracting(ConnectionStatus::usable).containsExactly(true, false, false);
        assertThat(listed.get(1).problems()).extracting(ConfigProblem::path).containsExactly("connections.erp.auth.clientSecret");
        assertThat(listed.get(1).problems().getFirst().message()).contains("env:ERP_SECRET").contains(FakeSecretStore.NOT_STORED);
        assertThat(listed.get(2).problems()).extracting(ConfigProblem::path).containsExactly("connections.maps.auth.value");
    }

    @Test
    void secretWithControlCharacterIsReportedWithoutValue() {
        secrets.with("env:BILLING_PASSWORD", "open\tsesame");
        ConnectionListService service = new ConnectionListService(FakeConnections.of(new Connection("billing", basicMethod("Aladdin"))), secrets);

        List<ConnectionStatus> listed = service.listConnections().get();

        assertThat(listed.getFirst().problems()).extracting(ConfigProblem::path).containsExactly("connections.billing.auth.password");
        assertThat(listed.getFirst().problems().getFirst().message()).contains("U+0009").doesNotContain("sesame");
    }

    @Test
    void loadFailureIsPassedOn() {
        AuthError invalid = new AuthError.InvalidConfiguration("connections.yaml", List.of(new ConfigProblem("connections", "is missing")));
        ConnectionListService service = new ConnectionListService(FakeConnections.failingWith(invalid), secrets);

        Either<AuthError, List<ConnectionStatus>> listed = service.listConnections();

        assertThat(listed.getLeft()).isSameAs(invalid);
    }
}
