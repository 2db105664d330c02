package dev.httpauth.domain.service;

import dev.httpauth.domain.model.ClientAuthentication;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.TokenPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.httpauth.domain.support.Fixtures.CLIENT_ID;
import static dev.httpauth.domain.support.Fixtures.CLIENT_SECRET_REF;
import static dev.httpauth.domain.support.Fixtures.TOKEN_ENDPOINT;
import static dev.httpauth.domain.support.Fixtures.oauthMethod;
import static dev.httpauth.domain.support.Fixtures.oauthMethodWithScopes;
import static dev.httpauth.domain.support.Fixtures.ref;
import static org.assertj.core.api.Assertions.assertThat;

class TokenKeyTest {

    @Test
    void scopeOrderAndDuplicatesDoNotMatter() {
        TokenKey first = TokenKey.of(oauthMethodWithScopes(List.of("b", "a", "b")));
        TokenKey second = TokenKey.of(oauthMethodWithScopes(List.of("a", "b")));

        assertThat(first).isEqualTo(second);
        assertThat(first.scopes()).containsExactly("a", "b");
    }

    @Test
    void sortedScopesAreNotCopied() {
        OAuthClientCredentials method = oauthMethodWithScopes(List.of("crm.read", "crm.write"));

        TokenKey key = TokenKey.of(method);

        assertThat(key.scopes()).isSameAs(method.scopes());
    }

    @Test
    void unsortedScopesAreSorted() {
        TokenKey key = TokenKey.of(oauthMethodWithScopes(List.of("crm.write", "crm.read")));

        assertThat(key.scopes()).containsExactly("crm.read", "crm.write");
    }

    @Test
    void differentScopesGiveDifferentKeys() {
        TokenKey read = TokenKey.of(oauthMethodWithScopes(List.of("crm.read")));
        TokenKey write = TokenKey.of(oauthMethodWithScopes(List.of("crm.write")));

        assertThat(read).isNotEqualTo(write);
    }

    @Test
    void audienceIsPartOfKey() {
        TokenKey withoutAudience = TokenKey.of(oauthMethodWithAudience(Optional.empty()));
        TokenKey withAudience = TokenKey.of(oauthMethodWithAudience(Optional.of("https://api.example.com")));

        assertThat(withoutAudience).isNotEqualTo(withAudience);
    }

    @Test
    void clientIdIsPartOfKey() {
        TokenKey crm = TokenKey.of(oauthMethod());
        TokenKey other = TokenKey.of(OAuthClientCredentials.of(TOKEN_ENDPOINT, "other-client", ref(CLIENT_SECRET_REF), List.of("crm.read")));

        assertThat(crm).isNotEqualTo(other);
    }

    @Test
    void clientAuthenticationIsPartOfKey() {
        OAuthClientCredentials basic = oauthMethod();
        OAuthClientCredentials post = new OAuthClientCredentials(
                basic.tokenEndpoint(), basic.clientId(), basic.clientSecret(), basic.scopes(), ClientAuthentication.CLIENT_SECRET_POST,
                basic.audience(), basic.resource(), basic.tokenPolicy());

        assertThat(TokenKey.of(basic)).isNotEqualTo(TokenKey.of(post));
    }

    private static OAuthClientCredentials oauthMethodWithAudience(Optional<String> audience) {
        return new OAuthClientCredentials(
                TOKEN_ENDPOINT, CLIENT_ID, ref(CLIENT_SECRET_REF), List.of(), ClientAuthentication.CLIENT_SECRET_BASIC,
                audience, Optional.empty(), TokenPolicy.DEFAULT);
    }
}
