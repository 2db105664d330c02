package dev.httpauth.domain.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to add to an outgoing request so that it is authorized.
 *
 * @param headers headers to set, replacing any of the same name
 * @param queryParameters parameters to append to the request URI's query
 * @param accessToken the OAuth access token the headers carry, empty for other methods; a client
 *     reports it back through {@code AuthorizeRequestUseCase.reportRejected} when a resource server
 *     returns 401
 */
public record RequestCredentials(List<Header> headers, List<QueryParameter> queryParameters, Optional<AccessToken> accessToken) {

    /** A header whose value carries a credential. */
    public record Header(String name, Secret value) {
    }

    /** A query parameter whose value carries a credential. */
    public record QueryParameter(String name, Secret value) {
    }

    public RequestCredentials {
        headers = List.copyOf(headers);
        queryParameters = List.copyOf(queryParameters);
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** Credentials that carry no access token. */
    public RequestCredentials(List<Header> headers, List<QueryParameter> queryParameters) {
        this(headers, queryParameters, Optional.empty());
    }

    /**
     * Credentials made of an {@code Authorization: Bearer} header for {@code token}. The header
     * shares the token's {@link AccessToken#authorizationValue()}, so it copies no characters.
     */
    public static RequestCredentials bearer(AccessToken token) {
        Header header = new Header("Authorization", token.authorizationValue());
        return new RequestCredentials(List.of(header), List.of(), Optional.of(token));
    }

    /** Credentials made of one header. */
    public static RequestCredentials header(String name, Secret value) {
        return new RequestCredentials(List.of(new Header(name, value)), List.of());
    }

    /** Credentials made of one query parameter. */
    public static RequestCredentials queryParameter(String name, Secret value) {
        return new RequestCredentials(List.of(), List.of(new QueryParameter(name, value)));
    }

    /**
     * Returns {@code uri} with the query parameters appended. Names and values are
     * percent-encoded as UTF-8 (a space becomes {@code %20}); the existing query and the fragment
     * are kept byte for byte.
     */
    public URI applyTo(URI uri) {
        if (queryParameters.isEmpty()) {
            return uri;
        }
        StringBuilder query = new StringBuilder();
        String existing = uri.getRawQuery();
        if (existing != null && !existing.isEmpty()) {
            query.append(existing).append('&');
        }
        for (int i = 0; i < queryParameters.size(); i++) {
            QueryParameter parameter = queryParameters.get(i);
            if (i > 0) {
                query.append('&');
            }
            query.append(percentEncode(parameter.name())).append('=').append(percentEncode(parameter.value().reveal()));
        }
        return withRawQuery(uri, query.toString());
    }

    private static URI withRawQuery(URI uri, String rawQuery) {
        String text = uri.toString();
        int fragmentStart = uri.getRawFragment() == null ? text.length() : text.length() - uri.getRawFragment().length() - 1;
        String beforeFragment = text.substring(0, fragmentStart);
        int queryStart = uri.getRawQuery() == null ? beforeFragment.length() : beforeFragment.length() - uri.getRawQuery().length() - 1;
        try {
            return new URI(beforeFragment.substring(0, queryStart) + "?" + rawQuery + text.substring(fragmentStart));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Percent-encoded query parameters always form a valid URI", e);
        }
    }

    private static String percentEncode(String text) {
        // URLEncoder follows HTML form encoding, which writes a space as '+'. In a URI query a
        // '+' may be read literally, so the space is written as %20 instead.
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
