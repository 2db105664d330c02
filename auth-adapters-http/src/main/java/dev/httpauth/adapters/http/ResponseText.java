package dev.httpauth.adapters.http;

import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.Text;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns text from a token endpoint into something safe to put in an error message: secrets and
 * tokens redacted, markup and control characters removed, and the length limited.
 */
final class ResponseText {

    /** The maximum length of a body excerpt, in chars, not counting the trailing ellipsis. */
    static final int EXCERPT_LENGTH = 120;

    /** The maximum length of a server-supplied error field such as {@code error_description}. */
    static final int FIELD_LENGTH = 300;

    static final String REDACTED = "[redacted]";

    /** What replaces a text that contains a client secret too short to redact inside it. */
    static final String WITHHELD = "[withheld: contains the client secret]";

    /** Secrets shorter than this are not searched for inside text, see {@link #redact}. */
    static final int MIN_REDACTABLE_LENGTH = 6;

    /** A run of Base64 characters long enough to hold an encoded credential. */
    private static final Pattern BASE64_WORD = Pattern.compile("[A-Za-z0-9+/_-]{8,}={0,2}");

    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * A field name that marks a credential, such as {@code access_token}, {@code accessToken},
     * {@code id-token}, {@code client_secret} or {@code password}.
     */
    private static final String CREDENTIAL_NAME_PATTERN = "[a-z0-9_.-]*(?:token|secret|password|assertion)[a-z0-9_.-]*";
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(CREDENTIAL_NAME_PATTERN, Pattern.CASE_INSENSITIVE);

    /** Names of fields that contain a credential's kind, not the credential, such as {@code token_type}. */
    private static final Pattern KIND_NAME = Pattern.compile("(?i)[a-z0-9_.-]*type");

    /**
     * A credential value after its name, in JSON ({@code "accessToken": "…"}, also a list) or form
     * ({@code access_token=…}) style. Group 1 is the name, group 2 everything before the value, and
     * group 3 the value: a quoted string with its escapes, a list, or a run up to a delimiter.
     */
    private static final Pattern CREDENTIAL_VALUE = Pattern.compile(
            "(?i)(\"?(" + CREDENTIAL_NAME_PATTERN + ")\"?\\s*[:=]\\s*)"
                    + "(\"(?:[^\"\\\\]|\\\\.)*\"?|\\[[^\\]]*\\]?|[^\"&\\s,;}<\\]]+)");

    /** A Bearer credential as written in an {@code Authorization} header. Group 1 is the scheme and its space. */
    private static final Pattern BEARER_VALUE = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/-]+=*");

    /**
     * A value after a credential name with only spaces between, as in HTML text such as
     * "access_token &lt;b&gt;…&lt;/b&gt;" once its tags are removed. Only names with {@code _} or
     * {@code -} count, so that prose such as "the token expired" keeps its words. Group 1 is
     * everything before the value.
     */
    private static final Pattern CREDENTIAL_AFTER_SPACE = Pattern.compile(
            "(?i)\\b([a-z0-9]+[_-][a-z0-9_-]*(?:token|secret|password|assertion)\\s+)[^\\s\"<&,;]+");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponseText() {
    }

    /**
     * Returns the start of {@code body} as one line of at most {@link #EXCERPT_LENGTH} chars plus an
     * ellipsis, or an empty string for an empty body. The client secret (as sent, and
     * form-urlencoded) and any token values are replaced by {@code [redacted]} before the body is
     * shortened, so no part of them can remain. HTML comments, scripts, styles and tags are
     * removed.
     */
    static String excerpt(byte[] body, Secret clientSecret) {
        String text = new String(body, StandardCharsets.UTF_8);
        // Markup goes first, because a tag between a field name and its value, as in
        // "access_token <b>…</b>", would hide the value from the redaction.
        text = SCRIPT_OR_STYLE.matcher(text).replaceAll(" ");
        text = COMMENT.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll(" ");
        text = redact(text, clientSecret);
        return oneLine(text, EXCERPT_LENGTH);
    }

    /**
     * Returns a server-supplied field such as {@code error_description} with the client secret
     * redacted, control characters turned into spaces, and at most {@link #FIELD_LENGTH} chars.
     */
    static String field(String value, Secret clientSecret) {
        return oneLine(redact(value, clientSecret), FIELD_LENGTH);
    }

    /**
     * Replaces the client secret and any token values in {@code text} with {@code [redacted]}.
     *
     * <p>The secret is replaced as sent and form-urlencoded, and a Base64 word that decodes to
     * text containing it is replaced too, because a server may echo the {@code Authorization:
     * Basic} header. All forms are replaced in one pass, so a replacement is never searched again.
     * A secret shorter than {@link #MIN_REDACTABLE_LENGTH} chars would match inside ordinary
     * words, so text that contains one is withheld whole.
     */
    static String redact(String text, Secret clientSecret) {
        String redacted = redactCredentialFields(text);
        String secret = clientSecret.reveal();
        if (secret.isEmpty()) {
            return redacted;
        }
        String formEncoded = TokenRequestEncoding.formEncode(secret);
        if (secret.length() < MIN_REDACTABLE_LENGTH) {
            return redacted.contains(secret) || redacted.contains(formEncoded) || containsEncodedSecret(redacted, secret, formEncoded)
                    ? WITHHELD
                    : redacted;
        }

        Pattern forms = Pattern.compile(Pattern.quote(secret) + "|" + Pattern.quote(formEncoded));
        redacted = forms.matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
        return BASE64_WORD.matcher(redacted).replaceAll(match ->
                Matcher.quoteReplacement(decodesToSecret(match.group(), secret, formEncoded) ? REDACTED : match.group()));
    }

    /**
     * Replaces the values of fields whose names mark a credential, and Bearer credentials. A whole
     * JSON document is parsed, so that escaped names such as {@code "access\\u005ftoken"} are found
     * too, and written back compact. Then the text, including the string values of such a
     * document and JSON cut off by the size limit, is searched by pattern.
     */
    private static String redactCredentialFields(String text) {
        String searched = text;
        String trimmed = text.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode document = JSON.readTree(trimmed);
                redactCredentialFields(document);
                searched = document.toString();
            } catch (JacksonException notWholeJson) {
                // Cut off or not JSON: the patterns below still find most credentials.
            }
        }
        String withoutBearer = BEARER_VALUE.matcher(searched).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + REDACTED));
        withoutBearer = CREDENTIAL_AFTER_SPACE.matcher(withoutBearer).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + REDACTED));
        return CREDENTIAL_VALUE.matcher(withoutBearer).replaceAll(match -> {
            if (KIND_NAME.matcher(match.group(2)).matches()) {
                return Matcher.quoteReplacement(match.group());
            }
            String replacement = match.group(3).startsWith("\"") ? "\"" + REDACTED + "\"" : REDACTED;
            return Matcher.quoteReplacement(match.group(1) + replacement);
        });
    }

    private static void redactCredentialFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                if (CREDENTIAL_NAME.matcher(name).matches() && !KIND_NAME.matcher(name).matches()) {
                    object.put(name, REDACTED);
                } else {
                    redactCredentialFields(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ResponseText::redactCredentialFields);
        }
    }

    private static boolean containsEncodedSecret(String text, String secret, String formEncoded) {
        Matcher words = BASE64_WORD.matcher(text);
        while (words.find()) {
            if (decodesToSecret(words.group(), secret, formEncoded)) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether {@code word}, read as standard or URL-safe Base64, decodes to text that contains the secret. */
    private static boolean decodesToSecret(String word, String secret, String formEncoded) {
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                String decoded = new String(decoder.decode(word), StandardCharsets.UTF_8);
                if (decoded.contains(secret) || decoded.contains(formEncoded)) {
                    return true;
                }
            } catch (IllegalArgumentException notThisAlphabet) {
                // The word is not Base64 in this alphabet; the other one may still decode it.
            }
        }
        return false;
    }

    private static String oneLine(String text, int maxLength) {
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            printable.append(Text.isControlCharacter(c) ? ' ' : c);
        }
        String collapsed = WHITESPACE.matcher(printable).replaceAll(" ").strip();
        if (collapsed.length() <= maxLength) {
            return collapsed;
        }
        int end = Character.isHighSurrogate(collapsed.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return collapsed.substring(0, end) + "…";
    }
}
