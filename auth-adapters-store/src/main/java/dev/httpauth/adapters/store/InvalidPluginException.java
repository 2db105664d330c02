package dev.httpauth.adapters.store;

import java.util.List;

/**
 * Auth method plugins that cannot be installed together: two of them use the same type id, one
 * uses the id of a built-in method, or one is malformed. Thrown when the plugins are installed,
 * before any connection is read.
 */
public final class InvalidPluginException extends IllegalArgumentException {

    private final List<String> problems;

    /**
     * @param problems one sentence per problem, each naming the provider classes and their jars
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public InvalidPluginException(List<String> problems) {
        super(requireProblems(problems).size() == 1
                ? problems.getFirst()
                : "Auth method plugins cannot be installed:" + String.join("", problems.stream().map(problem -> "\n  " + problem).toList()));
        this.problems = List.copyOf(problems);
    }

    private static List<String> requireProblems(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An InvalidPluginException needs at least one problem");
        }
        return problems;
    }

    /** Returns the problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
