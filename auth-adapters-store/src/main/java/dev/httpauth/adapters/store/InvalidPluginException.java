package dev.httpauth.adapters.store;

import java.util.List;

/**
 * Auth method plugins that cannot be installed together: two of them use the same type id, one
 * uses the id of a built-in method, or one is malformed. Thrown at start-up, before any
 * connection is read.
 */
public final class InvalidPluginException extends IllegalArgumentException {

    private final List<String> problems;

    /** @param problems one sentence per problem, each naming the provider classes and their jars */
    InvalidPluginException(List<String> problems) {
        super(problems.size() == 1
                ? problems.getFirst()
                : "Auth method plugins cannot be installed:" + String.join("", problems.stream().map(problem -> "\n  " + problem).toList()));
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
