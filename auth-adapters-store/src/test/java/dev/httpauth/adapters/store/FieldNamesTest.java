package dev.httpauth.adapters.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FieldNamesTest {

    private static final List<String> OAUTH_FIELDS = List.of(
            "tokenEndpoint", "clientId", "clientSecret", "scope", "clientAuthentication", "audience", "resource", "tokenPolicy", "type");

    @ParameterizedTest
    @CsvSource({
            "'', '', 0",
            "abc, abc, 0",
            "abc, '', 3",
            "kitten, sitting, 3",
            "clientSecrte, clientSecret, 2",
            "scopes, scope, 1",
            "flaw, lawn, 2"
    })
    void levenshteinCountsEdits(String a, String b, int distance) {
        assertThat(FieldNames.levenshtein(a, b)).isEqualTo(distance);
        assertThat(FieldNames.levenshtein(b, a)).isEqualTo(distance);
    }

    @ParameterizedTest
    @CsvSource({
            "clientSecrte, clientSecret",
            "clientsecret, clientSecret",
            "scopes, scope",
            "tokenendpoint, tokenEndpoint",
            "tpye, type",
            "audiance, audience"
    })
    void closestSuggestsNearMiss(String name, String expected) {
        assertThat(FieldNames.closest(name, OAUTH_FIELDS)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"color", "secret", "xy", "clientSecretValue"})
    void closestSuggestsNothingForDistantName(String name) {
        assertThat(FieldNames.closest(name, OAUTH_FIELDS)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({"on, in", "im, in", "nam, name"})
    void closestAllowsOneEditForShortName(String name, String expected) {
        assertThat(FieldNames.closest(name, List.of("in", "name", "value"))).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "clientSecrte | unknown field: did you mean 'clientSecret'?",
            "color        | unknown field: remove it, or use one of audience, clientAuthentication, clientId, clientSecret, resource, scope, tokenEndpoint, tokenPolicy, type"
    })
    void unknownFieldMessageSuggestsOrLists(String name, String message) {
        assertThat(FieldNames.unknownFieldMessage(name, OAUTH_FIELDS)).isEqualTo(message);
    }
}
