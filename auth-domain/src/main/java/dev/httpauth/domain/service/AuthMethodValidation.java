package dev.httpauth.domain.service;

import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.HttpAuthMethod;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.model.Text;
import io.vavr.control.Validation;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks auth method configuration and the secret values it resolves to.
 *
 * <p>Every check runs, so the user sees all problems at once. Paths in the returned problems are
 * relative to the method, such as {@code username}. Messages never contain secret values.
 */
public final class AuthMethodValidation {

    /** The maximum length of a value that a message repeats in full. */
    private static final int MAX_QUOTED_LENGTH = 80;

    /** The characters of a longer value that a message repeats. */
    private static final int EXCERPT_LENGTH = 60;

    private AuthMethodValidation() {
    }

    /** Returns {@code method} if it is valid, or every problem found in it. */
    public static <M extends HttpAuthMethod> Validation<List<ConfigProblem>, M> validate(M method) {
        List<ConfigProblem> problems = problems(method);
        return problems.isEmpty() ? Validation.valid(method) : Validation.invalid(problems);
    }

    /** Returns every problem in {@code method}, empty when it is valid. */
    public static List<ConfigProblem> problems(HttpAuthMethod method) {
        return switch (method) {
            case Basic basic -> basicProblems(basic);
            case ApiKey apiKey -> apiKeyProblems(apiKey);
            case OAuthClientCredentials oauth -> oauthProblems(oauth);
            case CustomAuthMethod custom -> List.copyOf(custom.validate());
        };
    }

    /**
     * Checks a resolved secret value that is sent in a header or a Basic credential: a control
     * character there would let a stored value split or corrupt the request (RFC 9110 §5.5,
     * RFC 7617 §2).
     *
     * @param field the configuration field that holds the ref, such as {@code password}
     */
    public static Optional<ConfigProblem> secretValueProblem(String field, SecretRef ref, Secret value) {
        if (!value.containsControlCharacter()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigProblem(field, "the secret " + ref + " contains a control character "
                + Text.codePoint(value.reveal().charAt(Text.firstControlCharacter(value.reveal())))
                + ", which must not be sent in a request; store the value without line breaks or other control characters"));
    }

    private static List<ConfigProblem> basicProblems(Basic basic) {
        List<ConfigProblem> problems = new ArrayList<>();
        String username = basic.username();
        if (username.isEmpty()) {
            problems.add(new ConfigProblem("username", "is empty: set the user-id the service expects"));
        }
        if (username.indexOf(':') >= 0) {
            problems.add(new ConfigProblem("username", "'" + printable(username)
                    + "' contains ':', which RFC 7617 forbids in a Basic user-id because ':' separates it from the password"));
        }
        controlCharacterProblem("username", username).ifPresent(problems::add);
        return problems;
    }

    private static List<ConfigProblem> apiKeyProblems(ApiKey apiKey) {
        List<ConfigProblem> problems = new ArrayList<>();
        String name = apiKey.name();
        switch (apiKey.in()) {
            case HEADER -> {
                if (!Text.isToken(name)) {
                    problems.add(new ConfigProblem("name", "'" + printable(name)
                            + "' is not a valid header name: use letters, digits and !#$%&'*+-.^_`|~ only (an RFC 9110 token)"));
                }
                controlCharacterProblem("prefix", apiKey.prefix()).ifPresent(problems::add);
            }
            case QUERY -> {
                if (name.isEmpty()) {
                    problems.add(new ConfigProblem("name", "is empty: set the query parameter name the service expects, such as api_key"));
                }
                controlCharacterProblem("name", name).ifPresent(problems::add);
                if (!apiKey.prefix().isEmpty()) {
                    problems.add(new ConfigProblem("prefix", "applies only to keys sent in a header: remove it, or set \"in\": \"header\""));
                }
            }
        }
        return problems;
    }

    private static List<ConfigProblem> oauthProblems(OAuthClientCredentials oauth) {
        List<ConfigProblem> problems = new ArrayList<>();
        tokenEndpointProblem(oauth.tokenEndpoint()).ifPresent(problems::add);
        if (oauth.clientId().isEmpty()) {
            problems.add(new ConfigProblem("clientId", "is empty: set the client id the authorization server issued"));
        }
        controlCharacterProblem("clientId", oauth.clientId()).ifPresent(problems::add);
        for (String scope : oauth.scopes()) {
            if (!isScopeToken(scope)) {
                problems.add(new ConfigProblem("scope", "'" + printable(scope)
                        + "' is not a valid scope: a scope is one or more printable ASCII characters other than space, '\"' and '\\' (RFC 6749 §3.3)"));
            }
        }
        oauth.audience().flatMap(audience -> audience.isBlank()
                ? Optional.of(new ConfigProblem("audience", "is empty: remove it or set the audience the server expects"))
                : controlCharacterProblem("audience", audience)).ifPresent(problems::add);
        oauth.resource().flatMap(AuthMethodValidation::resourceProblem).ifPresent(problems::add);
        return problems;
    }

    private static Optional<ConfigProblem> tokenEndpointProblem(URI endpoint) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        // User information may hold a password, so it is checked first and the URL is not shown.
        // java.net.URI leaves getRawUserInfo() null when it cannot parse the host, hence the '@' test.
        String authority = endpoint.getRawAuthority();
        if (endpoint.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0)) {
            return Optional.of(new ConfigProblem("tokenEndpoint", "must not contain user information before the host: configure the client id and secret in their own fields"));
        }
        if (!endpoint.isAbsolute() || endpoint.getHost() == null) {
            return Optional.of(new ConfigProblem("tokenEndpoint", "'" + endpoint + "' is not an absolute http(s) URL with a valid host name: write it like https://login.example.com/oauth2/token"));
        }
        if (endpoint.getRawFragment() != null) {
            return Optional.of(new ConfigProblem("tokenEndpoint", "'" + endpoint + "' must not have a fragment (RFC 6749 §3.2): remove the part from '#'"));
        }
        if (scheme.equals("http") && !isLoopbackHost(endpoint.getHost())) {
            return Optional.of(new ConfigProblem("tokenEndpoint", "'" + endpoint
                    + "' uses plain http, which would send the client secret unencrypted: use https (http is accepted only for loopback hosts)"));
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(new ConfigProblem("tokenEndpoint", "'" + endpoint + "' has scheme '" + scheme + "': use https"));
        }
        return Optional.empty();
    }

    private static Optional<ConfigProblem> resourceProblem(String resource) {
        URI uri;
        try {
            uri = URI.create(resource);
        } catch (IllegalArgumentException e) {
            return Optional.of(new ConfigProblem("resource", "'" + printable(resource) + "' is not a valid URI: " + e.getMessage()));
        }
        if (!uri.isAbsolute() || uri.getRawFragment() != null) {
            return Optional.of(new ConfigProblem("resource", "'" + resource + "' must be an absolute URI without a fragment (RFC 8707 §2)"));
        }
        return Optional.empty();
    }

    /**
     * Tells whether {@code host} names this machine without a DNS lookup: {@code localhost}, an
     * IPv4 address in 127.0.0.0/8, or {@code [::1]}.
     */
    public static boolean isLoopbackHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost") || lower.equals("[::1]") || lower.equals("::1")) {
            return true;
        }
        String[] octets = lower.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit) || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isScopeToken(String scope) {
        if (scope.isEmpty()) {
            return false;
        }
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static Optional<ConfigProblem> controlCharacterProblem(String field, String value) {
        int index = Text.firstControlCharacter(value);
        if (index < 0) {
            return Optional.empty();
        }
        return Optional.of(new ConfigProblem(field, "contains the control character " + Text.codePoint(value.charAt(index))
                + " at position " + (index + 1) + ", which must not appear in a request: remove it"));
    }

    /**
     * Shows {@code text} with control characters replaced, so a message cannot break a log line. A
     * value longer than {@value #MAX_QUOTED_LENGTH} characters is cut to its first
     * {@value #EXCERPT_LENGTH}, followed by its length, so that a value pasted by mistake cannot
     * flood the output.
     */
    private static String printable(String text) {
        String shown = text.length() <= MAX_QUOTED_LENGTH ? text : text.substring(0, EXCERPT_LENGTH);
        StringBuilder out = new StringBuilder(shown.length());
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            out.append(Text.isControlCharacter(c) ? Text.codePoint(c) : String.valueOf(c));
        }
        return shown.length() == text.length() ? out.toString() : out + "... (" + text.length() + " characters)";
    }
}
