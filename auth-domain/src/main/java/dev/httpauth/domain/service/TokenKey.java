package dev.httpauth.domain.service;

import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.SecretRef;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What makes two connections share an access token: the same token endpoint, client, client
 * secret ref, client authentication, scopes, audience and resource. The secret ref and the
 * client authentication are part of the key, so that a connection never gets a token that
 * another connection obtained in a way that would fail for it. Examples are a secret it cannot
 * resolve and a client authentication that the server rejects. Scopes are sorted and de-duplicated, because their order carries no
 * meaning (RFC 6749 §3.3).
 */
public record TokenKey(
        URI tokenEndpoint,
        String clientId,
        SecretRef clientSecret,
        ClientAuthentication clientAuthentication,
        List<String> scopes,
        Optional<String> audience,
        Optional<String> resource) {

    public TokenKey {
        // Most methods list their scopes sorted already; their immutable list is then kept, which
        // saves a copy per connection.
        scopes = isSortedAndDistinct(scopes) ? List.copyOf(scopes) : scopes.stream().distinct().sorted().toList();
    }

    private static boolean isSortedAndDistinct(List<String> scopes) {
        for (int i = 1; i < scopes.size(); i++) {
            if (scopes.get(i - 1).compareTo(scopes.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The key of the token that {@code method} uses. */
    public static TokenKey of(OAuthClientCredentials method) {
        return new TokenKey(
                method.tokenEndpoint(), method.clientId(), method.clientSecret(), method.clientAuthentication(), method.scopes(), method.audience(), method.resource());
    }
}
