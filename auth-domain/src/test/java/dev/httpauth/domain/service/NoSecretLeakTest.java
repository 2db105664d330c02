package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.ConnectionStatus;
import dev.httpauth.domain.model.ConnectionTestReport;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenPolicy;
import dev.httpauth.domain.support.FakeConnections;
import dev.httpauth.domain.support.FakeSecretStore;
import dev.httpauth.domain.support.MutableClock;
import dev.httpauth.domain.support.RecordingEvents;
import dev.httpauth.domain.support.ScriptedTokenEndpoint;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static dev.httpauth.domain.support.Fixtures.GET_ORDERS;
import static dev.httpauth.domain.support.Fixtures.START;
import static dev.httpauth.domain.support.Fixtures.TOKEN_ENDPOINT;
import static dev.httpauth.domain.support.Fixtures.bearerGrant;
import static dev.httpauth.domain.support.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passes canary secret values through every auth method, successful and failing, and checks that
 * no error message, {@code toString} or event shows them.
 */
class NoSecretLeakTest {

    private static final String CANARY = "canary7Hq2ZpX9";
    private static final String TOKEN_CANARY = "tokencanary4Lw8";
    private static final String USERNAME = "Aladdin";

    /** Forms in which a leaked value could appear: as is, and as the Base64 of a Basic credential. */
    private static final List<String> FORBIDDEN = List.of(
            CANARY,
            TOKEN_CANARY,
            Base64.getEncoder().encodeToString((USERNAME + ":" + CANARY).getBytes(StandardCharsets.UTF_8)));

    private final FakeSecretStore secrets = new FakeSecretStore()
            .with("env:CANARY", CANARY)
            .with("env:CANARY_WITH_LINE_FEED", CANARY + "\n")
            .with("env:CANARY_WITH_CARRIAGE_RETURN", "\r" + CANARY);
    private final RecordingEvents events = new RecordingEvents();
    private final List<TokenGrant> issuedGrants = new ArrayList<>();
    private final ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.responding(call -> {
        TokenGrant grant = bearerGrant(TOKEN_CANARY, Duration.ofMinutes(30));
        issuedGrants.add(grant);
        return Either.right(grant);
    });

    /** Every text the domain produced during a test, each starting with a label that names its source. */
    private final List<String> observed = new ArrayList<>();

    private static Connection[] connections() {
        return new Connection[] {
            new Connection("basic", new Basic(USERNAME, ref("env:CANARY"))),
            new Connection("basic-bad", new Basic(USERNAME, ref("env:CANARY_WITH_LINE_FEED"))),
            new Connection("header-key", new ApiKey(
                    ApiKey.Placement.HEADER, "Authorization", "ApiKey ", ref("env:CANARY"))),
            new Connection("header-key-bad", ApiKey.inHeader("X-API-Key", ref("env:CANARY_WITH_CARRIAGE_RETURN"))),
            new Connection("query-key", ApiKey.inQuery("api_key", ref("env:CANARY"))),
            new Connection("oauth", oauth("basic-client", "env:CANARY", ClientAuthentication.CLIENT_SECRET_BASIC)),
            new Connection("oauth-post", oauth("post-client", "env:CANARY", ClientAuthentication.CLIENT_SECRET_POST)),
            new Connection("oauth-bad", oauth("bad-client", "env:CANARY_WITH_LINE_FEED", ClientAuthentication.CLIENT_SECRET_BASIC)),
        };
    }

    /** Creates an OAuth method. Each test connection passes its own client id, so that no two share a cached token. */
    private static OAuthClientCredentials oauth(String clientId, String clientSecretRef, ClientAuthentication clientAuthentication) {
        return new OAuthClientCredentials(
                TOKEN_ENDPOINT, clientId, ref(clientSecretRef), List.of("crm.read"), clientAuthentication,
                Optional.empty(), Optional.empty(), TokenPolicy.DEFAULT);
    }

    @Test
    void canaryAppearsInNoMessageOrToString() {
        Connection[] connections = connections();
        MutableClock clock = MutableClock.at(START);
        AuthorizationService authorization = new AuthorizationService(FakeConnections.of(connections), secrets, tokenEndpoint, events, clock);
        ConnectionTestService connectionTest = new ConnectionTestService(FakeConnections.of(connections), secrets, tokenEndpoint, events, clock);
        ConnectionListService connectionList = new ConnectionListService(FakeConnections.of(connections), secrets);

        for (Connection connection : connections) {
            observe("authorize " + connection.id(), authorization.authorize(connection.id(), GET_ORDERS));
            observe("test " + connection.id(), connectionTest.test(connection.id()));
        }
        for (Connection connection : connections) {
            if (connection.auth() instanceof OAuthClientCredentials oauth) {
                observeToken("token " + connection.id(), authorization.token(connection));
            }
        }
        connectionList.listConnections().get().forEach(status -> observe("list", status));
        tokenEndpoint.requests().forEach(request -> observed.add("token request: " + request));
        issuedGrants.forEach(grant -> observed.add("token grant: " + grant));
        events.events().forEach(event -> observed.add("event: " + event));

        assertThat(observed).hasSizeGreaterThan(30);
        assertThat(events.eventsOfType(AuthEvent.TokenObtained.class)).isNotEmpty();
        assertThat(events.eventsOfType(AuthEvent.TokenRequestFailed.class)).isNotEmpty();
        for (String text : observed) {
            for (String forbidden : FORBIDDEN) {
                assertThat(text).as("text from the domain").doesNotContain(forbidden);
            }
        }
    }

    @Test
    void canaryReachesCredentialsThroughRevealOnly() {
        Connection[] connections = connections();
        AuthorizationService authorization = new AuthorizationService(
                FakeConnections.of(connections), secrets, tokenEndpoint, events, MutableClock.at(START));

        RequestCredentials basic = authorization.authorize("basic", GET_ORDERS).get();
        RequestCredentials query = authorization.authorize("query-key", GET_ORDERS).get();
        RequestCredentials bearer = authorization.authorize("oauth", GET_ORDERS).get();

        // Guards the leak test above: the canaries did flow through, so their absence there means something.
        assertThat(basic.headers().getFirst().value().reveal()).isEqualTo("Basic " + FORBIDDEN.get(2));
        assertThat(query.applyTo(GET_ORDERS.uri()).toString()).contains(CANARY);
        assertThat(bearer.headers().getFirst().value().reveal()).isEqualTo("Bearer " + TOKEN_CANARY);
        assertThat(tokenEndpoint.requests().getFirst().clientSecret().reveal()).isEqualTo(CANARY);
    }

    private void observe(String label, Either<AuthError, RequestCredentials> result) {
        result.fold(
                error -> observed.addAll(List.of(label + " error message: " + error.message(), label + " error: " + error)),
                credentials -> observed.add(label + " credentials: " + credentials));
    }

    private void observeToken(String label, Either<AuthError, AccessToken> result) {
        result.fold(
                error -> observed.addAll(List.of(label + " error message: " + error.message(), label + " error: " + error)),
                token -> observed.add(label + " access token: " + token));
    }

    private void observe(String label, ConnectionTestReport report) {
        observed.add(label + " report: " + report);
        report.error().ifPresent(error -> observed.add(label + " report error message: " + error.message()));
    }

    private void observe(String label, ConnectionStatus status) {
        observed.add(label + " status: " + status);
    }
}
