package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.ConnectionTestReport;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.TestStep;
import dev.httpauth.domain.support.FakeConnections;
import dev.httpauth.domain.support.FakeSecretStore;
import dev.httpauth.domain.support.MutableClock;
import dev.httpauth.domain.support.RecordingEvents;
import dev.httpauth.domain.support.ScriptedTokenEndpoint;
import dev.httpauth.domain.support.TimestampingMethod;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.httpauth.domain.support.Fixtures.GET_ORDERS;
import static dev.httpauth.domain.support.Fixtures.START;
import static dev.httpauth.domain.support.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the services call a plugin method through {@link CustomAuthMethod#authorize(dev.httpauth.domain.model.AuthorizationContext)}. */
class PluginAuthorizationTest {

    private static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final MutableClock clock = MutableClock.at(START);
    private final FakeSecretStore secrets = new FakeSecretStore().with("env:STAMP_KEY", "k-123");
    private final Connection stamped = new Connection("stamped", new TimestampingMethod(ref("env:STAMP_KEY")));

    private AuthorizationService authorizationService(Connection... connections) {
        return new AuthorizationService(FakeConnections.of(connections), secrets, ScriptedTokenEndpoint.issuingNumberedTokens(Duration.ofHours(1)),
                new RecordingEvents(), clock);
    }

    private ConnectionTestService testService(Connection... connections) {
        return new ConnectionTestService(FakeConnections.of(connections), secrets, ScriptedTokenEndpoint.issuingNumberedTokens(Duration.ofHours(1)),
                new RecordingEvents(), clock);
    }

    @Test
    void pluginReadsTimeFromServiceClock() {
        AuthorizationService service = authorizationService(stamped);
        clock.advance(Duration.ofSeconds(90));

        RequestCredentials credentials = service.authorize("stamped", GET_ORDERS).get();

        assertThat(credentials.headers()).singleElement().satisfies(header ->
                assertThat(header.value().reveal()).isEqualTo((START.getEpochSecond() + 90) + " stamped - k-123"));
    }

    @Test
    void pluginReceivesBodyDigest() {
        AuthorizationService service = authorizationService(stamped);

        RequestCredentials credentials = service.authorize("stamped", GET_ORDERS.withBody(new byte[0])).get();

        assertThat(credentials.headers().getFirst().value().reveal()).contains(" " + EMPTY_BODY_SHA256 + " ");
    }

    @Test
    void pluginErrorIsReturnedWithPath() {
        secrets.with("env:STAMP_KEY", TimestampingMethod.REJECTED_KEY);
        AuthorizationService service = authorizationService(stamped);

        Either<AuthError, RequestCredentials> result = service.authorize("stamped", GET_ORDERS);

        assertThat(result.getLeft()).isInstanceOfSatisfying(AuthError.InvalidConfiguration.class, invalid -> {
            assertThat(invalid.source()).isEqualTo("connection 'stamped'");
            assertThat(invalid.problems()).extracting(ConfigProblem::path).containsExactly("connections.stamped.auth.key");
        });
        assertThat(result.getLeft().message()).doesNotContain(TimestampingMethod.REJECTED_KEY);
    }

    @Test
    void connectionTestReportsPluginError() {
        secrets.with("env:STAMP_KEY", TimestampingMethod.REJECTED_KEY);
        ConnectionTestService service = testService(stamped);

        ConnectionTestReport report = service.test("stamped");

        assertThat(report.steps().getLast().name()).isEqualTo(ConnectionTestService.CREDENTIALS_BUILT);
        assertThat(report.steps().getLast().outcome()).isEqualTo(TestStep.Outcome.FAILED);
        assertThat(report.steps().getLast().detail()).contains("connections.stamped.auth.key").contains("too short");
        assertThat(report.error()).containsInstanceOf(AuthError.InvalidConfiguration.class);
    }

    @Test
    void connectionTestPassesPluginClock() {
        ConnectionTestService service = testService(stamped);

        ConnectionTestReport report = service.test("stamped");

        assertThat(report.passed()).isTrue();
        assertThat(report.steps().getLast().detail()).isEqualTo("header X-Stamp");
    }

    @Test
    void methodWithoutAuthorizeFailsNamingItsClass() {
        secrets.with("env:KEY", "any-value");
        AuthorizationService service = authorizationService(new Connection("empty", new WithoutAuthorize(ref("env:KEY"))));

        assertThatThrownBy(() -> service.authorize("empty", GET_ORDERS))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining(WithoutAuthorize.class.getName())
                .hasMessageContaining("implement one of them");
    }

    /** A plugin method that forgot to implement either authorize method. */
    private record WithoutAuthorize(SecretRef key) implements CustomAuthMethod {

        @Override
        public String typeId() {
            return "test-without-authorize";
        }

        @Override
        public Map<String, SecretRef> secretRefs() {
            return Map.of("key", key);
        }
    }
}
