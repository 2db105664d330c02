package dev.httpauth.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The process state that the command line reads: the environment variables and the working
 * directory. Tests pass their own values instead of the process's.
 *
 * @param variables the environment variables, used for {@code HTTPAUTH_CONFIG} and for {@code env:} secret refs
 * @param workingDirectory an absolute path; relative file names on the command line are resolved against it
 */
public record CliEnvironment(Map<String, String> variables, Path workingDirectory) {

    public CliEnvironment {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (!workingDirectory.isAbsolute()) {
            throw new IllegalArgumentException("workingDirectory must be absolute, but was " + workingDirectory);
        }
    }

    /** Returns the environment and working directory of this process. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** Resolves {@code path} against the working directory, unless it is absolute. */
    Path resolve(Path path) {
        return workingDirectory.resolve(path).normalize();
    }
}
