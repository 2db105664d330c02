package dev.httpauth.app.cli;

import dev.httpauth.domain.model.Text;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rule for the names that {@code secrets set} stores: ASCII letters, digits and {@code . _ - /},
 * starting with a letter or digit.
 *
 * <p>The vault file itself accepts any name that is not blank and has no control characters. The
 * command line is stricter, so that every name it stores can be typed in a shell without quoting
 * and written after {@code vault:} in a JSON or YAML connections file as it is. {@code get} and
 * {@code rm} also accept a name outside the rule when the vault already contains it, so that no
 * stored secret becomes unreachable.
 */
final class SecretNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    private SecretNames() {
    }

    /** Tells whether {@code name} follows the rule for new names. */
    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** Returns the usage failure for {@code name}, or empty when it follows the rule. */
    static Optional<CommandFailure> problem(String name) {
        if (isValid(name)) {
            return Optional.empty();
        }
        return Optional.of(CommandFailure.usage("Invalid secret name '" + printable(name) + "': " + firstProblem(name)
                + ", but a name may contain only the letters A-Z and a-z, the digits 0-9 and the characters . _ - / and must start"
                + " with a letter or digit, such as crm/client-secret. A connections file refers to the secret as vault:NAME."));
    }

    private static String firstProblem(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = i == 0 ? isLetterOrDigit(c) : isLetterOrDigit(c) || ".-_/".indexOf(c) >= 0;
            if (!allowed) {
                return i == 0 && ".-_/".indexOf(c) >= 0 ? "it starts with '" + c + "'" : "it contains " + describe(c);
            }
        }
        return "it is empty";
    }

    private static boolean isLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** Describes {@code c} as {@code 'c'}, or as a code point when it is a control character that the terminal would act on. */
    private static String describe(char c) {
        return Text.isControlCharacter(c) || Character.isISOControl(c) ? Text.codePoint(c) : "'" + c + "'";
    }

    /**
     * Returns {@code name} with each control character replaced by an escape (a backslash, {@code u}
     * and four hex digits), so that printing it cannot move the cursor or change colors.
     */
    private static String printable(String name) {
        StringBuilder printable = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            printable.append(Text.isControlCharacter(c) || Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : c);
        }
        return printable.toString();
    }
}
