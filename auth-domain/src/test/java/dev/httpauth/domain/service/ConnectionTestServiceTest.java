package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.ConnectionTestReport;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TestStep;
import dev.httpauth.domain.support.FakeConnections;
import dev.httpauth.domain.support.FakeSecretStore;
import dev.httpauth.domain.support.MutableClock;
import dev.httpauth.domain.support.RecordingEvents;
import dev.httpauth.domain.support.ScriptedTokenEndpoint;
import dev.httpauth.domain.support.SigningMethod;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static dev.httpauth.domain.model.TestStep.Outcome.FAILED;
import static dev.httpauth.domain.model.TestStep.Outcome.PASSED;
import static dev.httpauth.domain.model.TestStep.Outcome.SKIPPED;
import static dev.httpauth.domain.support.Fixtures.CLIENT_SECRET_REF;
import static dev.httpauth.domain.support.Fixtures.START;
import static dev.httpauth.domain.support.Fixtures.TOKEN_ENDPOINT;
import static dev.httpauth.domain.support.Fixtures.basicMethod;
import static dev.httpauth.domain.support.Fixtures.headerKeyMethodWithPrefix;
import static dev.httpauth.domain.support.Fixtures.oauthMethod;
import static dev.httpauth.domain.support.Fixtures.queryKeyMethod;
import static dev.httpauth.domain.support.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ConnectionTestServiceTest {

    private final FakeSecretStore secrets = new FakeSecretStore()
            .with("env:BILLING_PASSWORD", "open sesame")
            .with("env:MAPS_KEY", "maps-key-123")
            .with(CLIENT_SECRET_REF, "client-secret-456");
    private final RecordingEvents events = new RecordingEvents();

    private ConnectionTestService service(ScriptedTokenEndpoint tokenEndpoint, Connection... connections) {
        return new ConnectionTestService(FakeConnections.of(connections), secrets, tokenEndpoint, events, MutableClock.at(START));
    }

    private ConnectionTestService service(Connection... connections) {
        return service(ScriptedTokenEndpoint.issuingNumberedTokens(Duration.ofHours(1)), connections);
    }

    @Nested
    class OAuthConnection {

        @Test
        void successReportsEveryStepPassed() {
            ConnectionTestService service = service(new Connection("crm", oauthMethod()));

            ConnectionTestReport report = service.test("crm");

            assertThat(report.steps()).extracting(TestStep::name, TestStep::outcome).containsExactly(
                    tuple("configuration valid", PASSED),
                    tuple("secrets resolved", PASSED),
                    tuple("token endpoint reached", PASSED),
                    tuple("token obtained", PASSED));
            assertThat(report.passed()).isTrue();
            assertThat(report.error()).isEmpty();
            assertThat(report.methodType()).contains("oauth2-client-credentials");
            assertThat(report.connectionId()).isEqualTo("crm");
        }

        @Test
        void successDetailsDescribeTokenWithoutValue() {
            ConnectionTestService service = service(new Connection("crm", oauthMethod()));

            ConnectionTestReport report = service.test("crm");

            assertThat(report.steps().get(0).detail()).contains("crm-client").contains(TOKEN_ENDPOINT.toString()).contains("crm.read");
            assertThat(report.steps().get(1).detail()).contains("clientSecret (env:CRM_CLIENT_SECRET)");
            assertThat(report.steps().get(3).detail())
                    .contains("Bearer")
                    .contains("expires in 3600 s")
                    .contains(Secret.of("token-1").fingerprint())
                    .doesNotContain("token-1");
        }

        @Test
        void secretUnavailableStopsAfterSecretStep() {
            OAuthClientCredentials method = OAuthClientCredentials.of(TOKEN_ENDPOINT, "crm-client", ref("env:NOT_SET"), List.of());
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(Duration.ofHours(1));
            ConnectionTestService service = service(tokenEndpoint, new Connection("crm", method));

            ConnectionTestReport report = service.test("crm");

            assertThat(report.steps()).extracting(TestStep::name, TestStep::outcome).containsExactly(
                    tuple("configuration valid", PASSED),
                    tuple("secrets resolved", FAILED));
            assertThat(report.steps().get(1).detail()).contains("env:NOT_SET");
            assertThat(report.error()).containsInstanceOf(AuthError.SecretUnavailable.class);
            assertThat(report.passed()).isFalse();
            assertThat(tokenEndpoint.requestCount()).isZero();
        }

        @Test
        void rejectedTokenRequestFailsTokenStep() {
            AuthError rejected = new AuthError.TokenRequestRejected(TOKEN_ENDPOINT, 401, "invalid_client", Optional.of("Client authentication failed"), Optional.empty());
            ConnectionTestService service = service(ScriptedTokenEndpoint.failingWith(rejected), new Connection("crm", oauthMethod()));

            ConnectionTestReport report = service.test("crm");

            assertThat(report.steps()).extracting(TestStep::name, TestStep::outcome).containsExactly(
                    tuple("configuration valid", PASSED),
                    tuple("secrets resolved", PASSED),
                    tuple("token endpoint reached", PASSED),
                    tuple("token obtained", FAILED));
            assertThat(report.steps().get(3).detail()).contains("invalid_client").contains("Check the client id");
            assertThat(report.error()).contains(rejected);
        }

        @Test
        void unreachableEndpointSkipsTokenStep() {
            AuthError unreachable = new AuthError.TokenEndpointUnreachable(TOKEN_ENDPOINT, "connection refused");
            ConnectionTestService service = service(ScriptedTokenEndpoint.failingWith(unreachable), new Connection("crm", oauthMethod()));

            ConnectionTestReport report = service.test("crm");

            assertThat(report.steps()).extracting(TestStep::name, TestStep::outcome).containsExactly(
                    tuple("configuration valid", PASSED),
                    tuple("secrets resolved", PASSED),
                    tuple("token endpoint reached", FAILED),
                    tuple("token obtained", SKIPPED));
            assertThat(report.steps().get(2).detail()).contains("connection refused");
            assertThat(report.error()).contains(unreachable);
        }

        @Test
        void malformedResponseFailsTokenStep() {
            AuthError malformed = new AuthError.MalformedTokenResponse(TOKEN_ENDPOINT, 200, "text/html", "not JSON", "<html>");
            ConnectionTestService service = service(ScriptedTokenEndpoint.failingWith(malformed), new Connection("crm", oauthMethod()));

            ConnectionTestReport report = service.test("crm");

            assertThat(report.steps()).extracting(TestStep::name, TestStep::outcome).endsWith(
                    tuple("token endpoint reached", PASSED),
                    tuple("token obtained", FAILED));
        }

        @Test
        void everyTestRequestsNewToken() {
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(Duration.ofHours(1));
            ConnectionTestService service = service(tokenEndpoint, new Connection("crm", oauthMethod()));

            service.test("crm");
            service.test("crm");

            assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
        }
    }

    @Nested
    class OtherConnections {

        @Test
        void basicSuccessBuildsCredentials() {
            ConnectionTestService service = service(new Connection("billing", basicMethod("Aladdin")));

            ConnectionTestReport report = service.test("billing");

            assertThat(report.steps()).extracting(TestStep::name, TestStep::outcome).containsExactly(
                    tuple("configuration valid", PASSED),
                    tuple("secrets resolved", PASSED),
                    tuple("credentials built", PASSED));
            assertThat(report.steps().get(2).detail()).contains("'Aladdin'").doesNotContain("open sesame");
            assertThat(report.methodType()).contains("basic");
        }

        @Test
        void basicPasswordWithControlCharacterFailsSecretStep() {
            secrets.with("env:BILLING_PASSWORD", "open\u0000sesame");
            ConnectionTestService service = service(new Connection("billing", basicMethod("Aladdin")));

            ConnectionTestReport report = service.test("billing");

            assertThat(report.steps()).extracting(TestStep::name, TestStep::outcome).containsExactly(
                    tuple("configuration valid", PASSED),
                    tuple("secrets resolved", FAILED));
            assertThat(report.steps().get(1).detail()).contains("password").contains("U+0000").doesNotContain("sesame");
            assertThat(report.error()).containsInstanceOf(AuthError.InvalidConfiguration.class);
        }

        @Test
        void invalidMethodFailsConfigurationStep() {
            ConnectionTestService service = service(new Connection("billing", basicMethod("ala:ddin")));

            ConnectionTestReport report = service.test("billing");

            assertThat(report.steps()).extracting(TestStep::name, TestStep::outcome).containsExactly(
                    tuple("configuration valid", FAILED));
            assertThat(report.steps().getFirst().detail()).contains("connections.billing.auth.username");
            assertThat(report.error()).containsInstanceOf(AuthError.InvalidConfiguration.class);
        }

        @Test
        void apiKeyDetailNamesHeaderAndPrefix() {
            ConnectionTestService service = service(new Connection("maps", headerKeyMethodWithPrefix("Authorization", "ApiKey ")));

            ConnectionTestReport report = service.test("maps");

            assertThat(report.steps().getLast().detail()).isEqualTo("header Authorization with prefix 'ApiKey '");
            assertThat(report.passed()).isTrue();
        }

        @Test
        void queryKeyDetailNamesParameter() {
            ConnectionTestService service = service(new Connection("maps", queryKeyMethod("api_key")));

            ConnectionTestReport report = service.test("maps");

            assertThat(report.steps().getLast().detail()).isEqualTo("query parameter api_key");
        }

        @Test
        void pluginDetailNamesAddedHeaders() {
            secrets.with("env:SIGNING_KEY", "k-789");
            ConnectionTestService service = service(new Connection("signed", new SigningMethod(ref("env:SIGNING_KEY"))));

            ConnectionTestReport report = service.test("signed");

            assertThat(report.steps().getLast()).isEqualTo(new TestStep("credentials built", PASSED, "header X-Signature"));
            assertThat(report.methodType()).contains(SigningMethod.TYPE_ID);
        }

        @Test
        void unknownConnectionFailsConfigurationStep() {
            ConnectionTestService service = service(new Connection("billing", new Basic("u", ref("env:BILLING_PASSWORD"))));

            ConnectionTestReport report = service.test("crm");

            assertThat(report.steps()).extracting(TestStep::name, TestStep::outcome).containsExactly(tuple("configuration valid", FAILED));
            assertThat(report.steps().getFirst().detail()).contains("'crm'").contains("billing");
            assertThat(report.methodType()).isEmpty();
            assertThat(report.error()).containsInstanceOf(AuthError.UnknownConnection.class);
        }
    }
}
