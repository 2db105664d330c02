package dev.httpauth.domain.service;

import dev.httpauth.domain.error.AuthError;
import dev.httpauth.domain.model.AccessToken;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.AuthorizationContext;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Connection;
import dev.httpauth.domain.model.ConnectionTestReport;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.HttpAuthMethod;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.TestStep;
import dev.httpauth.domain.model.TestStep.Outcome;
import dev.httpauth.domain.port.in.TestConnectionUseCase;
import dev.httpauth.domain.port.out.LoadConnectionsPort;
import dev.httpauth.domain.port.out.PublishAuthEventPort;
import dev.httpauth.domain.port.out.RequestTokenPort;
import dev.httpauth.domain.port.out.ResolveSecretPort;
import io.vavr.control.Either;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tests a connection step by step: configuration, secrets, then credentials. For OAuth it always
 * requests a new token, so the report reflects the server as it is now.
 */
public final class ConnectionTestService implements TestConnectionUseCase {

    static final String CONFIGURATION_VALID = "configuration valid";
    static final String SECRETS_RESOLVED = "secrets resolved";
    static final String TOKEN_ENDPOINT_REACHED = "token endpoint reached";
    static final String TOKEN_OBTAINED = "token obtained";
    static final String CREDENTIALS_BUILT = "credentials built";

    /** The request a plugin method is asked to authorize during a test. */
    private static final OutgoingRequest SAMPLE_REQUEST = OutgoingRequest.of("GET", URI.create("https://connection-test.invalid/"));

    private final LoadConnectionsPort connections;
    private final MethodSecrets secrets;
    private final TokenIssuance tokenIssuance;
    private final Clock clock;

    public ConnectionTestService(
            LoadConnectionsPort connections,
            ResolveSecretPort secretStore,
            RequestTokenPort tokenEndpoint,
            PublishAuthEventPort events,
            Clock clock) {
        this.connections = connections;
        this.secrets = new MethodSecrets(secretStore);
        this.tokenIssuance = new TokenIssuance(secrets, tokenEndpoint, events, clock);
        this.clock = clock;
    }

    @Override
    public ConnectionTestReport test(String connectionId) {
        List<TestStep> steps = new ArrayList<>();

        Either<AuthError, Connection> loaded = connections.loadConnection(connectionId);
        if (loaded.isLeft()) {
            steps.add(new TestStep(CONFIGURATION_VALID, Outcome.FAILED, loaded.getLeft().message()));
            return new ConnectionTestReport(connectionId, Optional.empty(), steps, Optional.of(loaded.getLeft()));
        }
        Connection connection = loaded.get();
        HttpAuthMethod method = connection.auth();
        List<ConfigProblem> problems = AuthMethodValidation.problems(method).stream()
                .map(problem -> problem.under("connections." + connectionId + ".auth"))
                .toList();
        if (!problems.isEmpty()) {
            AuthError invalid = new AuthError.InvalidConfiguration("connection '" + connectionId + "'", problems);
            steps.add(new TestStep(CONFIGURATION_VALID, Outcome.FAILED, invalid.message()));
            return failed(connection, steps, invalid);
        }
        steps.add(new TestStep(CONFIGURATION_VALID, Outcome.PASSED, describe(method)));

        Either<AuthError, Map<String, Secret>> resolved = secrets.resolveAll(connectionId, method);
        if (resolved.isLeft()) {
            steps.add(new TestStep(SECRETS_RESOLVED, Outcome.FAILED, resolved.getLeft().message()));
            return failed(connection, steps, resolved.getLeft());
        }
        steps.add(new TestStep(SECRETS_RESOLVED, Outcome.PASSED, secretNames(method)));

        Optional<AuthError> error = switch (method) {
            case OAuthClientCredentials oauth -> testTokenRequest(connectionId, oauth, steps);
            case Basic basic -> credentialsBuilt(steps, "Authorization header with the Basic scheme for user '" + basic.username() + "'");
            case ApiKey apiKey -> credentialsBuilt(steps, switch (apiKey.in()) {
                case HEADER -> "header " + apiKey.name() + (apiKey.prefix().isEmpty() ? "" : " with prefix '" + apiKey.prefix() + "'");
                case QUERY -> "query parameter " + apiKey.name();
            });
            case CustomAuthMethod custom -> testPlugin(custom, new AuthorizationContext(connectionId, SAMPLE_REQUEST, resolved.get(), clock), steps);
        };
        return new ConnectionTestReport(connectionId, Optional.of(method.typeId()), steps, error);
    }

    private Optional<AuthError> testTokenRequest(String connectionId, OAuthClientCredentials oauth, List<TestStep> steps) {
        Either<AuthError, AccessToken> token = tokenIssuance.obtainToken(connectionId, oauth);
        if (token.isRight()) {
            steps.add(new TestStep(TOKEN_ENDPOINT_REACHED, Outcome.PASSED, oauth.tokenEndpoint().toString()));
            steps.add(new TestStep(TOKEN_OBTAINED, Outcome.PASSED, describe(token.get())));
            return Optional.empty();
        }
        AuthError error = token.getLeft();
        if (error instanceof AuthError.TokenEndpointUnreachable || error instanceof AuthError.SecretUnavailable || error.isConfigurationError()) {
            steps.add(new TestStep(TOKEN_ENDPOINT_REACHED, Outcome.FAILED, error.message()));
            steps.add(new TestStep(TOKEN_OBTAINED, Outcome.SKIPPED, "the token endpoint was not reached"));
        } else {
            steps.add(new TestStep(TOKEN_ENDPOINT_REACHED, Outcome.PASSED, oauth.tokenEndpoint().toString()));
            steps.add(new TestStep(TOKEN_OBTAINED, Outcome.FAILED, error.message()));
        }
        return Optional.of(error);
    }

    private static Optional<AuthError> testPlugin(CustomAuthMethod method, AuthorizationContext context, List<TestStep> steps) {
        Either<AuthError, RequestCredentials> credentials = method.authorize(context);
        if (credentials.isLeft()) {
            steps.add(new TestStep(CREDENTIALS_BUILT, Outcome.FAILED, credentials.getLeft().message()));
            return Optional.of(credentials.getLeft());
        }
        return credentialsBuilt(steps, describe(credentials.get()));
    }

    private static Optional<AuthError> credentialsBuilt(List<TestStep> steps, String detail) {
        steps.add(new TestStep(CREDENTIALS_BUILT, Outcome.PASSED, detail));
        return Optional.empty();
    }

    private static ConnectionTestReport failed(Connection connection, List<TestStep> steps, AuthError error) {
        return new ConnectionTestReport(connection.id(), Optional.of(connection.auth().typeId()), steps, Optional.of(error));
    }

    private static String describe(HttpAuthMethod method) {
        return switch (method) {
            case Basic basic -> "basic, user '" + basic.username() + "'";
            case ApiKey apiKey -> "api-key in the " + apiKey.in().name().toLowerCase(java.util.Locale.ROOT) + " '" + apiKey.name() + "'";
            case OAuthClientCredentials oauth -> "oauth2-client-credentials, client '" + oauth.clientId() + "' at " + oauth.tokenEndpoint()
                    + " with " + oauth.clientAuthentication().id()
                    + (oauth.scopes().isEmpty() ? ", no scope requested" : ", scope '" + String.join(" ", oauth.scopes()) + "'");
            case CustomAuthMethod custom -> custom.typeId();
        };
    }

    private static String secretNames(HttpAuthMethod method) {
        if (method.secretRefs().isEmpty()) {
            return "none needed";
        }
        return method.secretRefs().entrySet().stream()
                .map(field -> field.getKey() + " (" + field.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String describe(AccessToken token) {
        String lifetime = token.lifetimeFromServer()
                ? "expires in " + token.lifetime().toSeconds() + " s"
                : "no expires_in sent, assuming " + token.lifetime().toSeconds() + " s";
        String scopes = token.grantedScopes().isEmpty() ? "no scopes" : "scopes '" + String.join(" ", token.grantedScopes()) + "'";
        return token.tokenType() + " token, " + lifetime + ", " + scopes + ", fingerprint " + token.fingerprint();
    }

    private static String describe(RequestCredentials credentials) {
        List<String> parts = new ArrayList<>();
        credentials.headers().forEach(header -> parts.add("header " + header.name()));
        credentials.queryParameters().forEach(parameter -> parts.add("query parameter " + parameter.name()));
        return parts.isEmpty() ? "nothing to add" : String.join(", ", parts);
    }
}
