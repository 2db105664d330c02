package dev.httpauth.adapters.store;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Messages for unknown field names, with a "did you mean" for a near miss. */
final class FieldNames {

    /** The largest edit distance at which a known name is suggested for an unknown one. */
    static final int MAX_SUGGESTION_DISTANCE = 2;

    private FieldNames() {
    }

    /**
     * Builds the message for the unknown field {@code name}: a suggestion when a known name is
     * close, else the list of known names.
     */
    static String unknownFieldMessage(String name, Collection<String> knownNames) {
        return closest(name, knownNames)
                .map(suggestion -> "unknown field: did you mean '" + suggestion + "'?")
                .orElseGet(() -> "unknown field: remove it, or use one of " + sorted(knownNames));
    }

    /**
     * Finds the known name nearest to {@code name}, ignoring case. A name qualifies when its
     * Levenshtein distance is at most {@value #MAX_SUGGESTION_DISTANCE}, or at most 1 for names of
     * three characters or fewer, where two edits would turn almost any name into any other.
     * Ties go to the alphabetically first name.
     */
    static Optional<String> closest(String name, Collection<String> knownNames) {
        String lowerName = name.toLowerCase(Locale.ROOT);
        int maxDistance = name.length() <= 3 ? 1 : MAX_SUGGESTION_DISTANCE;
        return knownNames.stream()
                .filter(known -> levenshtein(lowerName, known.toLowerCase(Locale.ROOT)) <= maxDistance)
                .min(Comparator.<String>comparingInt(known -> levenshtein(lowerName, known.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** Returns {@code names} sorted and separated by commas. */
    static String sorted(Collection<String> names) {
        return names.stream().sorted().collect(Collectors.joining(", "));
    }

    /** Counts the single-character insertions, deletions and substitutions that turn {@code a} into {@code b}. */
    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
