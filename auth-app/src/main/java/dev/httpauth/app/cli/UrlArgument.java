package dev.httpauth.app.cli;

import io.vavr.control.Either;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Parses a URL given on the command line: an absolute {@code http} or {@code https} URL with a
 * host, a port from 1 to 65535 if any, and no user info.
 *
 * <p>Messages show the URL with any user info replaced by {@code ****}, because user info such
 * as {@code user:password} or a token in place of a user name is a credential that the connection
 * does not need.
 */
final class UrlArgument {

    static final String EXPECTED = "Expected an absolute http or https URL such as https://api.example.com/path";

    private static final int MAX_PORT = 65535;

    private UrlArgument() {
    }

    /**
     * Parses {@code text}.
     *
     * @param label how messages refer to the value, such as {@code URL} or {@code --url}
     * @return the URI, or a usage failure that names the value and the expected form
     */
    static Either<CommandFailure, URI> parse(String label, String text) {
        if (text.isBlank()) {
            return invalid(label + " is empty");
        }
        // URI may read a password that is not percent-encoded as a port or a path, so the value
        // is masked by the text alone, up to the last '@'.
        String shown = label + " '" + withoutUserInfo(text) + "'";
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return invalid(shown + " is invalid: " + lowerCaseFirst(e.getReason()) + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
        }

        if (uri.getScheme() == null) {
            return invalid(shown + " has no scheme");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            // In 'user:password@host' the user name reads as the scheme, so a masked scheme stays unnamed.
            String which = shown.contains(uri.getScheme() + ":") ? "the scheme '" + uri.getScheme() + "'" : "a scheme other than http and https";
            return invalid(shown + " has " + which + ", but httpauth sends requests only with http and https");
        }
        if (uri.getHost() == null) {
            // URI keeps an authority it cannot parse as host and port, such as a host name with '_', as a raw authority.
            return invalid(uri.getRawAuthority() == null ? shown + " has no host" : shown + " has an invalid host or port");
        }
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            return invalid(shown + " has the port " + uri.getPort() + ", but a port is a number from 1 to " + MAX_PORT);
        }
        if (uri.getRawUserInfo() != null) {
            return Either.left(CommandFailure.usage(shown + " contains user info before the host. The connection adds its own"
                    + " credentials, so write the URL without it: " + withoutUserInfo(uri)));
        }
        return Either.right(uri);
    }

    /**
     * Returns {@code text} with everything between {@code scheme://} (or the start) and the last
     * {@code @} replaced by {@code ****}. The user info must end at the last {@code @}, because a
     * password that is not percent-encoded may contain {@code /}, {@code ?}, {@code #} or
     * {@code @}. When the {@code @} belongs to the path, the message loses the host, which is
     * safer than showing a password.
     */
    static String withoutUserInfo(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        int schemeEnd = text.indexOf("://");
        int userInfoStart = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
        return text.substring(0, userInfoStart) + CredentialLines.MASK + text.substring(at);
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the parts of a parsed URI form a URI again: " + e.getReason(), e);
        }
    }

    private static Either<CommandFailure, URI> invalid(String problem) {
        return Either.left(CommandFailure.usage(problem + ". " + EXPECTED));
    }

    private static String lowerCaseFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
