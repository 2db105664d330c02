package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.AuthEvent;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TokenGrant;
import dev.httpauth.domain.model.TokenPolicy;
import dev.httpauth.domain.model.TokenRequest;
import dev.httpauth.domain.support.FakeConnections;
import dev.httpauth.domain.support.FakeSecretStore;
import dev.httpauth.domain.support.MutableClock;
import dev.httpauth.domain.support.RecordingEvents;
import dev.httpauth.domain.support.ScriptedTokenEndpoint;
import dev.httpauth.domain.support.SigningMethod;
import io.vavr.control.Either;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static dev.httpauth.domain.support.Fixtures.CLIENT_ID;
import static dev.httpauth.domain.support.Fixtures.CLIENT_SECRET_REF;
import static dev.httpauth.domain.support.Fixtures.GET_ORDERS;
import static dev.httpauth.domain.support.Fixtures.START;
import static dev.httpauth.domain.support.Fixtures.TOKEN_ENDPOINT;
import static dev.httpauth.domain.support.Fixtures.basicMethod;
import static dev.httpauth.domain.support.Fixtures.bearerGrant;
import static dev.httpauth.domain.support.Fixtures.bearerGrantWithoutLifetime;
import static dev.httpauth.domain.support.Fixtures.headerKeyMethod;
import static dev.httpauth.domain.support.Fixtures.headerKeyMethodWithPrefix;
import static dev.httpauth.domain.support.Fixtures.oauthMethod;
import static dev.httpauth.domain.support.Fixtures.oauthMethodWithPolicy;
import static dev.httpauth.domain.support.Fixtures.oauthMethodWithScopes;
import static dev.httpauth.domain.support.Fixtures.queryKeyMethod;
import static dev.httpauth.domain.support.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AuthorizationServiceTest {

    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private final MutableClock clock = MutableClock.at(START);
    private final FakeSecretStore secrets = new FakeSecretStore()
            .with("env:BILLING_PASSWORD", "open sesame")
            .with("env:MAPS_KEY", "maps-key-123")
            .with(CLIENT_SECRET_REF, "client-secret-456");
    private final RecordingEvents events = new RecordingEvents();

    /** Refreshes by the 60 s skew alone, so the expected refresh instants are easy to read. */
    private static final TokenPolicy SKEW_ONLY = new TokenPolicy(Duration.ofSeconds(60), Duration.ofMinutes(5));

    /** Runs background refreshes on the caller's thread, so the next call sees the refreshed token. */
    private AuthorizationService service(ScriptedTokenEndpoint tokenEndpoint, Connection... connections) {
        return new AuthorizationService(
                FakeConnections.of(connections), secrets, tokenEndpoint, events, clock, Runnable::run, RandomGenerator.of("L64X128MixRandom"));
    }

    private AuthorizationService service(Connection... connections) {
        return service(ScriptedTokenEndpoint.issuingNumberedTokens(ONE_HOUR), connections);
    }

    private static List<String> headerLines(RequestCredentials credentials) {
        return credentials.headers().stream().map(header -> header.name() + ": " + header.value().reveal()).toList();
    }

    private static String authorizationHeader(Either<AuthError, RequestCredentials> result) {
        return result.get().headers().getFirst().value().reveal();
    }

    @Test
    void unknownConnectionIsReported() {
        ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(ONE_HOUR);
        AuthorizationService service = service(tokenEndpoint, new Connection("crm", oauthMethod()), new Connection("billing", basicMethod("u")));

        Either<AuthError, RequestCredentials> result = service.authorize("crn", GET_ORDERS);

        assertThat(result.getLeft()).isEqualTo(new AuthError.UnknownConnection("crn", List.of("billing", "crm")));
        assertThat(result.getLeft().message()).contains("'crn'").contains("billing, crm");
        assertThat(secrets.requestedRefs()).isEmpty();
        assertThat(tokenEndpoint.requestCount()).isZero();
    }

    @Test
    void loadFailureIsPassedOn() {
        AuthError invalid = new AuthError.InvalidConfiguration("connections.json", List.of(new ConfigProblem("connections.crm.auth.type", "is missing")));
        AuthorizationService service = new AuthorizationService(
                FakeConnections.failingWith(invalid), secrets, ScriptedTokenEndpoint.issuingNumberedTokens(ONE_HOUR), events, clock);

        Either<AuthError, RequestCredentials> result = service.authorize("crm", GET_ORDERS);

        assertThat(result.getLeft()).isSameAs(invalid);
    }

    @Nested
    class BasicConnection {

        @Test
        void requestGetsBasicHeader() {
            AuthorizationService service = service(new Connection("billing", basicMethod("Aladdin")));

            Either<AuthError, RequestCredentials> result = service.authorize("billing", GET_ORDERS);

            assertThat(headerLines(result.get())).containsExactly("Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
            assertThat(result.get().queryParameters()).isEmpty();
        }

        @Test
        void passwordWithControlCharacterIsRejected() {
            secrets.with("env:BILLING_PASSWORD", "open\nsesame");
            AuthorizationService service = service(new Connection("billing", basicMethod("Aladdin")));

            Either<AuthError, RequestCredentials> result = service.authorize("billing", GET_ORDERS);

            assertThat(result.getLeft()).isInstanceOfSatisfying(AuthError.InvalidConfiguration.class, invalid -> {
                assertThat(invalid.isConfigurationError()).isTrue();
                assertThat(invalid.problems()).extracting(ConfigProblem::path).containsExactly("connections.billing.auth.password");
            });
            assertThat(result.getLeft().message()).contains("password").contains("U+000A").doesNotContain("open").doesNotContain("sesame");
        }

        @Test
        void missingPasswordIsSecretUnavailable() {
            AuthorizationService service = service(new Connection("billing", new Basic("u", ref("env:NOT_SET"))));

            Either<AuthError, RequestCredentials> result = service.authorize("billing", GET_ORDERS);

            assertThat(result.getLeft()).isEqualTo(new AuthError.SecretUnavailable(ref("env:NOT_SET"), FakeSecretStore.NOT_STORED));
        }
    }

    @Nested
    class ApiKeyConnection {

        @Test
        void keyIsSentInNamedHeader() {
            AuthorizationService service = service(new Connection("maps", headerKeyMethod("X-API-Key")));

            Either<AuthError, RequestCredentials> result = service.authorize("maps", GET_ORDERS);

            assertThat(headerLines(result.get())).containsExactly("X-API-Key: maps-key-123");
        }

        @Test
        void prefixIsSentBeforeKey() {
            AuthorizationService service = service(new Connection("maps", headerKeyMethodWithPrefix("Authorization", "Bearer ")));

            Either<AuthError, RequestCredentials> result = service.authorize("maps", GET_ORDERS);

            assertThat(headerLines(result.get())).containsExactly("Authorization: Bearer maps-key-123");
        }

        @Test
        void queryKeyIsSentAsParameter() {
            AuthorizationService service = service(new Connection("maps", queryKeyMethod("api_key")));

            Either<AuthError, RequestCredentials> result = service.authorize("maps", GET_ORDERS);

            assertThat(result.get().headers()).isEmpty();
            assertThat(result.get().queryParameters())
                    .extracting(RequestCredentials.QueryParameter::name, parameter -> parameter.value().reveal())
                    .containsExactly(tuple("api_key", "maps-key-123"));
            assertThat(result.get().applyTo(GET_ORDERS.uri()).toString()).isEqualTo("https://api.example.com/orders?page=2&api_key=maps-key-123");
        }

        @Test
        void keyWithLineBreakIsRejected() {
            secrets.with("env:MAPS_KEY", "maps-key\r\nX-Injected: 1");
            AuthorizationService service = service(new Connection("maps", headerKeyMethod("X-API-Key")));

            Either<AuthError, RequestCredentials> result = service.authorize("maps", GET_ORDERS);

            assertThat(result.getLeft()).isInstanceOfSatisfying(AuthError.InvalidConfiguration.class, invalid ->
                    assertThat(invalid.problems()).extracting(ConfigProblem::path).containsExactly("connections.maps.auth.value"));
            assertThat(result.getLeft().message()).doesNotContain("maps-key").doesNotContain("X-Injected");
        }
    }

    @Nested
    class OAuthConnection {

        @Test
        void requestGetsBearerHeader() {
            AuthorizationService service = service(new Connection("crm", oauthMethod()));

            Either<AuthError, RequestCredentials> result = service.authorize("crm", GET_ORDERS);

            assertThat(headerLines(result.get())).containsExactly("Authorization: Bearer token-1");
        }

        @Test
        void tokenRequestCarriesMethodSettings() {
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(ONE_HOUR);
            OAuthClientCredentials method = new OAuthClientCredentials(
                    TOKEN_ENDPOINT,
                    CLIENT_ID,
                    ref(CLIENT_SECRET_REF),
                    List.of("crm.read", "crm.write"),
                    ClientAuthentication.CLIENT_SECRET_POST,
                    Optional.of("https://api.example.com"),
                    Optional.of("https://api.example.com/orders"),
                    TokenPolicy.DEFAULT);
            AuthorizationService service = service(tokenEndpoint, new Connection("crm", method));

            service.authorize("crm", GET_ORDERS);

            assertThat(tokenEndpoint.requests()).hasSize(1);
            TokenRequest request = tokenEndpoint.requests().getFirst();
            assertThat(request.tokenEndpoint()).isEqualTo(TOKEN_ENDPOINT);
            assertThat(request.clientId()).isEqualTo(CLIENT_ID);
            assertThat(request.clientSecret().reveal()).isEqualTo("client-secret-456");
            assertThat(request.scopes()).containsExactly("crm.read", "crm.write");
            assertThat(request.clientAuthentication()).isEqualTo(ClientAuthentication.CLIENT_SECRET_POST);
            assertThat(request.audience()).contains("https://api.example.com");
            assertThat(request.resource()).contains("https://api.example.com/orders");
        }

        @Test
        void tokenIsReusedBeforeRefreshInstant() {
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(ONE_HOUR);
            AuthorizationService service = service(tokenEndpoint, new Connection("crm", oauthMethodWithPolicy(SKEW_ONLY)));
            service.authorize("crm", GET_ORDERS);
            clock.advance(Duration.ofMinutes(59).minusSeconds(1));

            Either<AuthError, RequestCredentials> later = service.authorize("crm", GET_ORDERS);

            assertThat(authorizationHeader(later)).isEqualTo("Bearer token-1");
            assertThat(tokenEndpoint.requestCount()).isEqualTo(1);
        }

        @Test
        void tokenIsReplacedFromRefreshInstant() {
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(ONE_HOUR);
            AuthorizationService service = service(tokenEndpoint, new Connection("crm", oauthMethodWithPolicy(SKEW_ONLY)));
            service.authorize("crm", GET_ORDERS);
            clock.advance(Duration.ofMinutes(59));

            Either<AuthError, RequestCredentials> atRefresh = service.authorize("crm", GET_ORDERS);
            Either<AuthError, RequestCredentials> afterRefresh = service.authorize("crm", GET_ORDERS);

            assertThat(authorizationHeader(atRefresh)).isEqualTo("Bearer token-1");
            assertThat(authorizationHeader(afterRefresh)).isEqualTo("Bearer token-2");
            assertThat(tokenEndpoint.requestCount()).isEqualTo(2);
        }

        @Test
        void shortLivedTokenIsReplacedAtHalfLifetime() {
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(Duration.ofSeconds(40));
            AuthorizationService service = service(tokenEndpoint, new Connection("crm", oauthMethodWithPolicy(SKEW_ONLY)));
            service.authorize("crm", GET_ORDERS);

            clock.advance(Duration.ofSeconds(19));
            Either<AuthError, RequestCredentials> beforeHalf = service.authorize("crm", GET_ORDERS);
            clock.advance(Duration.ofSeconds(1));
            service.authorize("crm", GET_ORDERS);
            Either<AuthError, RequestCredentials> afterHalf = service.authorize("crm", GET_ORDERS);

            assertThat(authorizationHeader(beforeHalf)).isEqualTo("Bearer token-1");
            assertThat(authorizationHeader(afterHalf)).isEqualTo("Bearer token-2");
        }

        @Test
        void defaultLifetimeAppliesWithoutExpiresIn() {
            TokenPolicy policy = new TokenPolicy(Duration.ofSeconds(60), Duration.ofMinutes(10));
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.responding(call -> Either.right(bearerGrantWithoutLifetime("token-" + call)));
            AuthorizationService service = service(tokenEndpoint, new Connection("crm", oauthMethodWithPolicy(policy)));
            service.authorize("crm", GET_ORDERS);

            clock.advance(Duration.ofMinutes(9).minusSeconds(1));
            Either<AuthError, RequestCredentials> beforeRefresh = service.authorize("crm", GET_ORDERS);
            clock.advance(Duration.ofSeconds(1));
            service.authorize("crm", GET_ORDERS);
            Either<AuthError, RequestCredentials> afterRefresh = service.authorize("crm", GET_ORDERS);

            assertThat(authorizationHeader(beforeRefresh)).isEqualTo("Bearer token-1");
            assertThat(authorizationHeader(afterRefresh)).isEqualTo("Bearer token-2");
            assertThat(events.eventsOfType(AuthEvent.TokenObtained.class))
                    .extracting(AuthEvent.TokenObtained::lifetime)
                    .containsExactly(Duration.ofMinutes(10));
            assertThat(events.eventsOfType(AuthEvent.TokenRefreshed.class))
                    .extracting(AuthEvent.TokenRefreshed::lifetime)
                    .containsExactly(Duration.ofMinutes(10));
        }

        @Test
        void tokenWithoutScopeResponseKeepsRequestedScopes() {
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.responding(call -> Either.right(bearerGrantWithoutLifetime("t")));
            AuthorizationService service = service(tokenEndpoint);
            OAuthClientCredentials method = oauthMethodWithScopes(List.of("crm.read", "crm.write"));

            AccessToken token = service.token(new Connection("crm", method)).get();

            assertThat(token.grantedScopes()).containsExactly("crm.read", "crm.write");
            assertThat(token.lifetimeFromServer()).isFalse();
            assertThat(token.obtainedAt()).isEqualTo(START);
            assertThat(token.expiresAt()).isEqualTo(START.plus(TokenPolicy.DEFAULT.defaultLifetime()));
        }

        @Test
        void grantedScopesComeFromResponse() {
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.responding(call -> Either.right(
                    new TokenGrant(Secret.of("t"), "Bearer", Optional.of(ONE_HOUR), Optional.of(List.of("crm.read")))));
            AuthorizationService service = service(tokenEndpoint);

            AccessToken token = service.token(new Connection("crm", oauthMethodWithScopes(List.of("crm.read", "crm.write")))).get();

            assertThat(token.grantedScopes()).containsExactly("crm.read");
            assertThat(token.lifetimeFromServer()).isTrue();
            assertThat(token.expiresAt()).isEqualTo(START.plus(ONE_HOUR));
        }

        @Test
        void failedTokenRequestIsRetriedAfterBackoff() {
            AuthError rejected = new AuthError.TokenRequestRejected(TOKEN_ENDPOINT, 503, "temporarily_unavailable", Optional.empty(), Optional.empty());
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.responding(call ->
                    call == 1 ? Either.left(rejected) : Either.right(bearerGrant("token-" + call, ONE_HOUR)));
            AuthorizationService service = service(tokenEndpoint, new Connection("crm", oauthMethod()));

            Either<AuthError, RequestCredentials> first = service.authorize("crm", GET_ORDERS);
            clock.advance(TokenPolicy.DEFAULT.initialBackoff());
            Either<AuthError, RequestCredentials> second = service.authorize("crm", GET_ORDERS);

            assertThat(first.getLeft()).isSameAs(rejected);
            assertThat(authorizationHeader(second)).isEqualTo("Bearer token-2");
        }

        @Test
        void connectionsWithSameTokenKeyShareToken() {
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(ONE_HOUR);
            AuthorizationService service = service(tokenEndpoint,
                    new Connection("crm", oauthMethodWithScopes(List.of("crm.read", "crm.write"))),
                    new Connection("crm-reports", oauthMethodWithScopes(List.of("crm.write", "crm.read"))));

            Either<AuthError, RequestCredentials> first = service.authorize("crm", GET_ORDERS);
            Either<AuthError, RequestCredentials> second = service.authorize("crm-reports", GET_ORDERS);

            assertThat(authorizationHeader(first)).isEqualTo("Bearer token-1");
            assertThat(authorizationHeader(second)).isEqualTo("Bearer token-1");
            assertThat(tokenEndpoint.requestCount()).isEqualTo(1);
        }

        @Test
        void connectionWithUnresolvableSecretGetsNoSharedToken() {
            OAuthClientCredentials broken = OAuthClientCredentials.of(TOKEN_ENDPOINT, CLIENT_ID, ref("env:MISSING_SECRET"), List.of("crm.read"));
            AuthorizationService service = service(new Connection("crm", oauthMethod()), new Connection("crm-broken", broken));
            service.authorize("crm", GET_ORDERS);

            Either<AuthError, RequestCredentials> result = service.authorize("crm-broken", GET_ORDERS);

            assertThat(result.isLeft()).isTrue();
            assertThat(result.getLeft()).isInstanceOf(AuthError.SecretUnavailable.class);
        }

        @Test
        void obtainedTokenIsPublishedWithFingerprint() {
            AuthorizationService service = service(new Connection("crm", oauthMethod()));

            service.authorize("crm", GET_ORDERS);

            assertThat(events.events()).containsExactly(new AuthEvent.TokenObtained(
                    "crm", TOKEN_ENDPOINT, CLIENT_ID, Secret.of("token-1").fingerprint(), ONE_HOUR));
            assertThat(events.events().getFirst().toString()).doesNotContain("token-1");
        }

        @Test
        void failedTokenRequestIsPublished() {
            AuthError unreachable = new AuthError.TokenEndpointUnreachable(TOKEN_ENDPOINT, "connection refused");
            AuthorizationService service = service(ScriptedTokenEndpoint.failingWith(unreachable), new Connection("crm", oauthMethod()));

            service.authorize("crm", GET_ORDERS);

            assertThat(events.events()).containsExactly(new AuthEvent.TokenRequestFailed("crm", TOKEN_ENDPOINT, CLIENT_ID, unreachable));
        }

        @Test
        void missingClientSecretStopsBeforeTokenRequest() {
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(ONE_HOUR);
            OAuthClientCredentials method = OAuthClientCredentials.of(TOKEN_ENDPOINT, CLIENT_ID, ref("env:NOT_SET"), List.of());
            AuthorizationService service = service(tokenEndpoint, new Connection("crm", method));

            Either<AuthError, RequestCredentials> result = service.authorize("crm", GET_ORDERS);

            assertThat(result.getLeft()).isInstanceOf(AuthError.SecretUnavailable.class);
            assertThat(tokenEndpoint.requestCount()).isZero();
            assertThat(events.eventsOfType(AuthEvent.TokenRequestFailed.class)).extracting(AuthEvent.TokenRequestFailed::error)
                    .containsExactly(result.getLeft());
        }

        @Test
        void clientSecretWithControlCharacterIsRejected() {
            secrets.with(CLIENT_SECRET_REF, "client-secret\n");
            ScriptedTokenEndpoint tokenEndpoint = ScriptedTokenEndpoint.issuingNumberedTokens(ONE_HOUR);
            AuthorizationService service = service(tokenEndpoint, new Connection("crm", oauthMethod()));

            Either<AuthError, RequestCredentials> result = service.authorize("crm", GET_ORDERS);

            assertThat(result.getLeft()).isInstanceOfSatisfying(AuthError.InvalidConfiguration.class, invalid ->
                    assertThat(invalid.problems()).extracting(ConfigProblem::path).containsExactly("connections.crm.auth.clientSecret"));
            assertThat(tokenEndpoint.requestCount()).isZero();
        }
    }

    @Nested
    class PluginConnection {

        @Test
        void pluginGetsRequestAndResolvedSecrets() {
            secrets.with("env:SIGNING_KEY", "k-789");
            AuthorizationService service = service(new Connection("signed", new SigningMethod(ref("env:SIGNING_KEY"))));

            Either<AuthError, RequestCredentials> result = service.authorize("signed", GET_ORDERS);

            assertThat(headerLines(result.get())).containsExactly("X-Signature: GET /orders k-789");
        }

        @Test
        void pluginIsNotCalledWhenSecretIsMissing() {
            AuthorizationService service = service(new Connection("signed", new SigningMethod(ref("env:NOT_SET"))));

            Either<AuthError, RequestCredentials> result = service.authorize("signed", GET_ORDERS);

            assertThat(result.getLeft()).isInstanceOf(AuthError.SecretUnavailable.class);
        }
    }
}
