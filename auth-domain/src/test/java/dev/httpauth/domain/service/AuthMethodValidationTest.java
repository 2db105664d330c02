package dev.httpauth.domain.service;

import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TokenPolicy;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static dev.httpauth.domain.support.Fixtures.CLIENT_ID;
import static dev.httpauth.domain.support.Fixtures.basicMethod;
import static dev.httpauth.domain.support.Fixtures.headerKeyMethod;
import static dev.httpauth.domain.support.Fixtures.headerKeyMethodWithPrefix;
import static dev.httpauth.domain.support.Fixtures.oauthMethod;
import static dev.httpauth.domain.support.Fixtures.oauthMethodAt;
import static dev.httpauth.domain.support.Fixtures.oauthMethodWithScopes;
import static dev.httpauth.domain.support.Fixtures.queryKeyMethod;
import static dev.httpauth.domain.support.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

class AuthMethodValidationTest {

    private static List<String> paths(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::path).toList();
    }

    @Nested
    class BasicMethod {

        @Test
        void validUsernameHasNoProblems() {
            Basic method = basicMethod("Aladdin");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(problems).isEmpty();
        }

        @Test
        void usernameWithColonIsRejected() {
            Basic method = basicMethod("ala:ddin");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("username");
            assertThat(problems.getFirst().message()).contains("':'").contains("RFC 7617");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ala\nddin", "ala\rddin", "ala\u0000", "\u007Fala"})
        void usernameWithControlCharacterIsRejected(String username) {
            Basic method = basicMethod(username);

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("username");
            assertThat(problems.getFirst().message()).contains("control character U+00");
        }

        @Test
        void controlCharacterInMessageIsEscaped() {
            Basic method = basicMethod("a:b\nc");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("username", "username");
            assertThat(problems).allSatisfy(problem -> assertThat(problem.message()).doesNotContain("\n"));
        }

        @Test
        void emptyUsernameIsRejected() {
            Basic method = basicMethod("");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("username");
            assertThat(problems.getFirst().message()).contains("empty");
        }
    }

    @Nested
    class ApiKeyMethod {

        @Test
        void tokenHeaderNameIsAccepted() {
            ApiKey method = headerKeyMethod("X-API-Key");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(problems).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"X API Key", "X:Key", "", "X-Key\r\nInjected: yes", "Schlüssel"})
        void nonTokenHeaderNameIsRejected(String name) {
            ApiKey method = headerKeyMethod(name);

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("name");
            assertThat(problems.getFirst().message()).contains("not a valid header name").doesNotContain("\r", "\n");
        }

        @Test
        void bearerPrefixIsAccepted() {
            ApiKey method = headerKeyMethodWithPrefix("Authorization", "Bearer ");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(problems).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Bearer\r\n", "Token\n", "\rKey "})
        void prefixWithLineBreakIsRejected(String prefix) {
            ApiKey method = headerKeyMethodWithPrefix("Authorization", prefix);

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("prefix");
        }

        @Test
        void queryNameIsAccepted() {
            ApiKey method = queryKeyMethod("api_key");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(problems).isEmpty();
        }

        @Test
        void queryNameNeedNotBeToken() {
            ApiKey method = queryKeyMethod("api key[0]");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(problems).isEmpty();
        }

        @Test
        void emptyQueryNameIsRejected() {
            ApiKey method = queryKeyMethod("");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("name");
        }

        @Test
        void queryNameWithControlCharacterIsRejected() {
            ApiKey method = queryKeyMethod("api\tkey");

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("name");
        }

        @Test
        void prefixOnQueryKeyIsRejected() {
            ApiKey method = new ApiKey(ApiKey.Placement.QUERY, "api_key", "Bearer ", ref("env:MAPS_KEY"));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("prefix");
        }
    }

    @Nested
    class OAuthMethod {

        @Test
        void defaultFixtureIsValid() {
            OAuthClientCredentials method = oauthMethod();

            Validation<List<ConfigProblem>, OAuthClientCredentials> validated = AuthMethodValidation.validate(method);

            assertThat(validated.isValid()).isTrue();
            assertThat(validated.get()).isSameAs(method);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "http://localhost:8080/token",
                "http://127.0.0.1:9000/oauth2/token",
                "http://[::1]:9000/token",
                "http://127.1.2.3/token",
                "HTTP://LOCALHOST/token"
        })
        void plainHttpIsAcceptedForLoopback(String endpoint) {
            OAuthClientCredentials method = oauthMethodAt(URI.create(endpoint));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(problems).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "http://example.com/token",
                "http://127.0.0.1.example.com/token",
                "http://localhost.example.com/token",
                "http://10.0.0.1/token"
        })
        void plainHttpIsRejectedForOtherHosts(String endpoint) {
            OAuthClientCredentials method = oauthMethodAt(URI.create(endpoint));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("tokenEndpoint");
            assertThat(problems.getFirst().message()).contains("plain http").contains("use https");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://example.com/token", "https://login.example.com:8443/tenant/oauth2/v2.0/token?api-version=2"})
        void httpsIsAccepted(String endpoint) {
            OAuthClientCredentials method = oauthMethodAt(URI.create(endpoint));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(problems).isEmpty();
        }

        @Test
        void fragmentIsRejected() {
            OAuthClientCredentials method = oauthMethodAt(URI.create("https://example.com/token#part"));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("tokenEndpoint");
            assertThat(problems.getFirst().message()).contains("fragment");
        }

        @Test
        void userInfoIsRejectedWithoutRepeatingIt() {
            OAuthClientCredentials method = oauthMethodAt(URI.create("https://client:Pa55word@example.com/token"));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("tokenEndpoint");
            assertThat(problems.getFirst().message()).contains("user information").doesNotContain("Pa55word");
        }

        @Test
        void userInfoBeforeUnparsableHostIsNotRepeated() {
            OAuthClientCredentials method = oauthMethodAt(URI.create("https://client:Pa55word@token_server.example.com/token"));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("tokenEndpoint");
            assertThat(problems.getFirst().message()).contains("user information").doesNotContain("Pa55word");
        }

        @ParameterizedTest
        @ValueSource(strings = {"/oauth2/token", "login.example.com/token", "token"})
        void relativeUriIsRejected(String endpoint) {
            OAuthClientCredentials method = oauthMethodAt(URI.create(endpoint));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("tokenEndpoint");
            assertThat(problems.getFirst().message()).contains("not an absolute http(s) URL");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://example.com/token", "ldap://example.com/token"})
        void otherSchemeIsRejected(String endpoint) {
            OAuthClientCredentials method = oauthMethodAt(URI.create(endpoint));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("tokenEndpoint");
        }

        @ParameterizedTest
        @ValueSource(strings = {"crm\"read", "crm\\read", "crm read", "", "crm\nread", "crmé"})
        void invalidScopeTokenIsRejected(String scope) {
            OAuthClientCredentials method = oauthMethodWithScopes(List.of("crm.write", scope));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("scope");
            assertThat(problems.getFirst().message()).contains("RFC 6749 §3.3");
        }

        @Test
        void uriScopeIsAccepted() {
            OAuthClientCredentials method = oauthMethodWithScopes(List.of("https://api.example.com/.default", "openid"));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(problems).isEmpty();
        }

        @Test
        void emptyClientIdIsRejected() {
            OAuthClientCredentials method = OAuthClientCredentials.of(
                    URI.create("https://example.com/token"), "", ref("env:SECRET"), List.of());

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("clientId");
        }

        @Test
        void blankAudienceIsRejected() {
            OAuthClientCredentials method = methodWith(Optional.of(" "), Optional.empty());

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("audience");
        }

        @ParameterizedTest
        @ValueSource(strings = {"api.example.com", "https://api.example.com/#x", "https://api example.com"})
        void invalidResourceIsRejected(String resource) {
            OAuthClientCredentials method = methodWith(Optional.empty(), Optional.of(resource));

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("resource");
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            OAuthClientCredentials method = new OAuthClientCredentials(
                    URI.create("http://example.com/token"),
                    "",
                    ref("env:SECRET"),
                    List.of("ok", "bad scope", "bad\"quote"),
                    ClientAuthentication.CLIENT_SECRET_POST,
                    Optional.of(""),
                    Optional.of("relative/resource"),
                    TokenPolicy.DEFAULT);

            List<ConfigProblem> problems = AuthMethodValidation.problems(method);

            assertThat(paths(problems)).containsExactly("tokenEndpoint", "clientId", "scope", "scope", "audience", "resource");
        }

        @Test
        void validateCollectsProblemsAsInvalid() {
            OAuthClientCredentials method = OAuthClientCredentials.of(
                    URI.create("http://example.com/token#f"), "", ref("env:SECRET"), List.of("a b"));

            Validation<List<ConfigProblem>, OAuthClientCredentials> validated = AuthMethodValidation.validate(method);

            assertThat(validated.isInvalid()).isTrue();
            assertThat(paths(validated.getError())).containsExactly("tokenEndpoint", "clientId", "scope");
        }

        private OAuthClientCredentials methodWith(Optional<String> audience, Optional<String> resource) {
            return new OAuthClientCredentials(
                    URI.create("https://example.com/token"),
                    CLIENT_ID,
                    ref("env:SECRET"),
                    List.of(),
                    ClientAuthentication.CLIENT_SECRET_BASIC,
                    audience,
                    resource,
                    TokenPolicy.DEFAULT);
        }
    }

    @Nested
    class SecretValue {

        @Test
        void printableSecretHasNoProblem() {
            Secret value = Secret.of("open sesame £");

            Optional<ConfigProblem> problem = AuthMethodValidation.secretValueProblem("password", ref("env:PW"), value);

            assertThat(problem).isEmpty();
        }

        @Test
        void controlCharacterIsReportedWithoutValue() {
            Secret value = Secret.of("Pa55word-Xy\r\n");

            Optional<ConfigProblem> problem = AuthMethodValidation.secretValueProblem("password", ref("env:PW"), value);

            assertThat(problem).isPresent();
            assertThat(problem.get().path()).isEqualTo("password");
            assertThat(problem.get().message()).contains("env:PW").contains("U+000D").doesNotContain("Pa55word");
        }
    }
}
