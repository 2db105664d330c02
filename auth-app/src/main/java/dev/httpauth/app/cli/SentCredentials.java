package dev.httpauth.app.cli;

import dev.httpauth.domain.model.RequestCredentials;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The credential values a request carried, in every form a server could echo them: whole header
 * values, the part after an auth scheme word, the user-pass and password of a Basic header, and
 * query values both raw and percent-encoded.
 *
 * <p>Text that contains a value of at least {@link #MIN_MASKED_LENGTH} characters gets {@code ****}
 * in its place. A shorter value would also match inside ordinary words, so masking it would
 * garble the text and a reader could still guess the value from the gaps. Text that contains a
 * shorter value is therefore withheld whole. The HTTP adapter's {@code ResponseText} redacts token
 * endpoint responses by the same rule with the same length.
 */
final class SentCredentials {

    /** The shortest value that is masked inside text. Text that contains a shorter one is withheld. */
    static final int MIN_MASKED_LENGTH = 6;

    /** The marker that replaces a text containing a credential value too short to mask. */
    static final String WITHHELD = "[withheld: contains a credential value too short to mask]";

    private static final String BASIC_SCHEME = "basic ";

    private final Optional<Pattern> forms;

    private SentCredentials(Optional<Pattern> forms) {
        this.forms = forms;
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
            forms.addAll(basicCredentials(value));
        }
        for (RequestCredentials.QueryParameter parameter : credentials.queryParameters()) {
            forms.add(parameter.value().reveal());
            String encoded = new RequestCredentials(List.of(), List.of(parameter)).applyTo(URI.create("http://query.invalid/")).getRawQuery();
            forms.add(encoded.substring(encoded.indexOf('=') + 1));
        }
        forms.removeIf(String::isEmpty);
        if (forms.isEmpty()) {
            return new SentCredentials(Optional.empty());
        }
        // Longer forms come first in the alternation, so that a value containing another is matched as a whole.
        String alternation = forms.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        return new SentCredentials(Optional.of(Pattern.compile(alternation)));
    }

    /**
     * Returns {@code text} with every credential value replaced by {@code ****} in one pass, or
     * empty when it contains a value shorter than {@link #MIN_MASKED_LENGTH}.
     */
    Optional<String> masked(String text) {
        if (text == null) {
            return Optional.of("");
        }
        if (forms.isEmpty()) {
            return Optional.of(text);
        }
        Matcher matcher = forms.get().matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (matcher.find()) {
            if (matcher.group().length() < MIN_MASKED_LENGTH) {
                return Optional.empty();
            }
            matcher.appendReplacement(masked, Matcher.quoteReplacement(CredentialLines.MASK));
        }
        matcher.appendTail(masked);
        return Optional.of(masked.toString());
    }

    /** Returns {@code text} masked, or {@link #WITHHELD} when it contains a value too short to mask. */
    String mask(String text) {
        return masked(text).orElse(WITHHELD);
    }

    /** Returns the decoded user-pass and the password of a {@code Basic} header value, or nothing for other values. */
    private static List<String> basicCredentials(String headerValue) {
        if (!headerValue.toLowerCase(Locale.ROOT).startsWith(BASIC_SCHEME)) {
            return List.of();
        }
        String userPass;
        try {
            userPass = new String(Base64.getDecoder().decode(headerValue.substring(BASIC_SCHEME.length()).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return List.of();
        }
        int colon = userPass.indexOf(':');
        return colon < 0 ? List.of(userPass) : List.of(userPass, userPass.substring(colon + 1));
    }
}
