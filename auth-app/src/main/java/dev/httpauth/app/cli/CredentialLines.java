package dev.httpauth.app.cli;

import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats request credentials for the terminal: a header as {@code Name: value}, a query parameter
 * as {@code ?name=value}.
 *
 * <p>Masked, a value becomes {@code ****} followed by the fingerprint of what was masked. In an
 * {@code Authorization} or {@code Proxy-Authorization} header the auth scheme word stays visible,
 * as in {@code Authorization: Bearer **** (sha256:1a2b3c4d)}, and the fingerprint covers the part
 * after it, so a bearer header shows the same fingerprint as the token in {@code httpauth test}.
 * Other headers are masked whole, because their values have no scheme and the first word could be
 * part of the key.
 */
final class CredentialLines {

    static final String MASK = "****";

    private static final Set<String> HEADERS_WITH_AUTH_SCHEME = Set.of("authorization", "proxy-authorization");

    /** An RFC 9110 auth-scheme (a token) followed by spaces and the credentials. */
    private static final Pattern SCHEME_AND_CREDENTIALS = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) +(\\S.*)", Pattern.DOTALL);

    private CredentialLines() {
    }

    /** Returns one line per header, then one line per query parameter. */
    static List<String> lines(RequestCredentials credentials, boolean reveal) {
        List<String> lines = new ArrayList<>();
        for (RequestCredentials.Header header : credentials.headers()) {
            lines.add(header.name() + ": " + (reveal ? header.value().reveal() : maskedHeaderValue(header.name(), header.value())));
        }
        for (RequestCredentials.QueryParameter parameter : credentials.queryParameters()) {
            lines.add(reveal ? "?" + encodedQueryParameter(parameter) : "?" + parameter.name() + "=" + masked(parameter.value()));
        }
        return lines;
    }

    /** Masks {@code value}, keeping the auth scheme word of an {@code Authorization} header. */
    static String maskedHeaderValue(String name, Secret value) {
        if (HEADERS_WITH_AUTH_SCHEME.contains(name.toLowerCase(Locale.ROOT))) {
            Matcher matcher = SCHEME_AND_CREDENTIALS.matcher(value.reveal());
            if (matcher.matches()) {
                return matcher.group(1) + " " + masked(Secret.of(matcher.group(2)));
            }
        }
        return masked(value);
    }

    /** Returns {@code ****} and the fingerprint of {@code value} in parentheses. */
    static String masked(Secret value) {
        return MASK + " (" + value.fingerprint() + ")";
    }

    /** Returns {@code name=value} percent-encoded exactly as the request URI gets it. */
    private static String encodedQueryParameter(RequestCredentials.QueryParameter parameter) {
        RequestCredentials single = new RequestCredentials(List.of(), List.of(parameter));
        return single.applyTo(URI.create("http://query.invalid/")).getRawQuery();
    }
}
