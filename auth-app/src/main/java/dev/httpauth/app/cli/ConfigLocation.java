package dev.httpauth.app.cli;

import io.vavr.control.Either;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the connections file: the {@code --config} option, else the {@code HTTPAUTH_CONFIG}
 * environment variable, else the first of {@link #DEFAULT_FILE_NAMES} in the working directory.
 */
final class ConfigLocation {

    static final String ENVIRONMENT_VARIABLE = "HTTPAUTH_CONFIG";
    static final List<String> DEFAULT_FILE_NAMES = List.of("connections.json", "connections.yaml", "connections.yml");

    private ConfigLocation() {
    }

    /**
     * Returns the absolute path of an existing regular file, or a usage failure that names every
     * place that was tried and how to fix it.
     */
    static Either<CommandFailure, Path> find(Optional<Path> configOption, CliEnvironment environment) {
        if (configOption.isPresent()) {
            return existingFile(environment.resolve(configOption.get()), "--config");
        }
        String fromEnvironment = environment.variables().getOrDefault(ENVIRONMENT_VARIABLE, "");
        if (!fromEnvironment.isBlank()) {
            return existingFile(environment.resolve(Path.of(fromEnvironment)), "$" + ENVIRONMENT_VARIABLE);
        }
        for (String name : DEFAULT_FILE_NAMES) {
            Path candidate = environment.workingDirectory().resolve(name);
            if (Files.exists(candidate)) {
                return existingFile(candidate, "the working directory");
            }
        }
        return Either.left(CommandFailure.usage("No connections file found: --config is not given, $" + ENVIRONMENT_VARIABLE
                + " is not set, and none of " + String.join(", ", DEFAULT_FILE_NAMES) + " exists in " + environment.workingDirectory()
                + ". Pass --config FILE or set " + ENVIRONMENT_VARIABLE + "=FILE (run 'httpauth demo --dir DIR' to get a sample file)."));
    }

    private static Either<CommandFailure, Path> existingFile(Path file, String origin) {
        if (!Files.exists(file)) {
            return Either.left(CommandFailure.usage("Connections file " + file + " (from " + origin + ") does not exist: check the path"));
        }
        if (!Files.isRegularFile(file)) {
            return Either.left(CommandFailure.usage("Connections file " + file + " (from " + origin + ") is not a regular file: give the path of a .json, .yaml or .yml file"));
        }
        return Either.right(file);
    }
}
