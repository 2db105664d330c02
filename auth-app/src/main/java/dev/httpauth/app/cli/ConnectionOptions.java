package dev.httpauth.app.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options of the commands that read a connections file: the file, and the secret stores its
 * refs may use. The root command mixes them in too, so they may come before or after the command
 * name. A value given after the command name wins.
 */
final class ConnectionOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Connections file to read: JSON, or YAML when the name ends in .yaml or .yml."
                    + " Default: $HTTPAUTH_CONFIG, else connections.json, connections.yaml or connections.yml in the working directory.")
    Path configFile;

    @Mixin
    SecretStoreOptions stores = new SecretStoreOptions();

    /** Returns a copy in which each option not given here is taken from {@code outer}. */
    ConnectionOptions orElse(ConnectionOptions outer) {
        ConnectionOptions merged = new ConnectionOptions();
        merged.configFile = configFile != null ? configFile : outer.configFile;
        merged.stores = stores.orElse(outer.stores);
        return merged;
    }
}
