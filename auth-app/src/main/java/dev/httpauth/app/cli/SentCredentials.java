package dev.httpauth.app.cli;

import dev.httpauth.domain.model.RequestCredentials;

import java.net.URI;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The credential values a request carried, in every form a server could echo them: whole header
 * values, the part after an auth scheme word, and query values both raw and percent-encoded.
 */
final class SentCredentials {

    private final List<String> values;

    private SentCredentials(List<String> values) {
        this.values = values;
    }

    static SentCredentials of(RequestCredentials credentials) {
        Set<String> forms = new LinkedHashSet<>();
        for (RequestCredentials.Header header : credentials.headers()) {
            String value = header.value().reveal();
            forms.add(value);
            int space = value.indexOf(' ');
            if (space > 0 && space < value.length() - 1) {
                forms.add(value.substring(space + 1).strip());
            }
        }
        for (RequestCredentials.QueryParameter parameter : credentials.queryParameters()) {
            forms.add(parameter.value().reveal());
            String encoded = new RequestCredentials(List.of(), List.of(parameter)).applyTo(URI.create("http://query.invalid/")).getRawQuery();
            forms.add(encoded.substring(encoded.indexOf('=') + 1));
        }
        forms.removeIf(String::isEmpty);
        // Longer values first, so that a value containing another is masked as a whole.
        return new SentCredentials(forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    /** Replaces every occurrence of a credential value in {@code text} with {@code ****}. */
    String mask(String text) {
        if (text == null) {
            return "";
        }
        String masked = text;
        for (String value : values) {
            masked = masked.replace(value, CredentialLines.MASK);
        }
        return masked;
    }
}
