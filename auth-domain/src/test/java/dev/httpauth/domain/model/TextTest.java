package dev.httpauth.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"X-API-Key", "Authorization", "a", "!#$%&'*+-.^_`|~09azAZ"})
    void tokenAcceptsRfc9110TokenCharacters(String text) {
        assertThat(Text.isToken(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X API Key", "X:Key", "X-Key\r", "Schlüssel", "(key)", "a/b", "k\"ey"})
    void tokenRejectsSeparatorsAndNonAscii(String text) {
        assertThat(Text.isToken(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', '\t', '\n', '\r', '\u001F', '\u007F'})
    void controlCharactersAreDetected(char c) {
        assertThat(Text.isControlCharacter(c)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(chars = {' ', '~', 'é'})
    void printableCharactersAreNotControlCharacters(char c) {
        assertThat(Text.isControlCharacter(c)).isFalse();
    }

    @Test
    void firstControlCharacterGivesIndexAndCodePoint() {
        String text = "ab\ncd";

        int index = Text.firstControlCharacter(text);

        assertThat(index).isEqualTo(2);
        assertThat(Text.codePoint(text.charAt(index))).isEqualTo("U+000A");
    }

    @Test
    void firstControlCharacterIsMinusOneWhenAbsent() {
        assertThat(Text.firstControlCharacter("abc")).isEqualTo(-1);
    }
}
