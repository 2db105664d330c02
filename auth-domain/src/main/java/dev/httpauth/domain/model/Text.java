package dev.httpauth.domain.model;

/** Character rules shared by configuration checks. */
public final class Text {

    private Text() {
    }

    /** Tells whether {@code text} contains an ASCII control character (U+0000–U+001F or U+007F). */
    public static boolean containsControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControlCharacter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Tells whether {@code c} is a CTL as RFC 5234 defines it: U+0000–U+001F or U+007F. */
    public static boolean isControlCharacter(char c) {
        return c < 0x20 || c == 0x7F;
    }

    /**
     * Tells whether {@code text} is a token as RFC 9110 §5.6.2 defines it: one or more of the
     * letters, digits and {@code !#$%&'*+-.^_`|~}. Header names must be tokens.
     */
    public static boolean isToken(CharSequence text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenCharacter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    /** Describes {@code c} as a code point, such as {@code U+000A}, for messages that must not show the text. */
    public static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** Returns the first control character in {@code text}, or -1 if there is none. */
    public static int firstControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControlCharacter(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
