package dev.httpauth.app.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.httpauth.adapters.store.ConnectionFileFormat;
import dev.httpauth.app.HttpAuth;
import dev.httpauth.app.HttpAuthModule;
import dev.httpauth.app.events.Slf4jAuthEventPublisher;
import io.vavr.control.Either;
import jakarta.inject.Inject;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/**
 * The {@code httpauth} command: global options, and the subcommands that test connections, print
 * and send credentials, manage the vault, and run the demo.
 */
@Command(
        name = "httpauth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Adds HTTP Basic, API key or OAuth 2.0 client credentials to HTTP requests of the connections"
                + " configured in a connections file, and tests those connections.",
        subcommands = {
                TestCommand.class,
                HeaderCommand.class,
                RequestCommand.class,
                ConnectionsCommand.class,
                SecretsCommand.class,
                SchemaCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeOnInvalidInput = ExitCode.USAGE,
        exitCodeOnExecutionException = ExitCode.FAILED,
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:Success.",
                "1:Authentication or the request failed: credentials rejected, a server unreachable, a secret unavailable,"
                        + " a wrong vault passphrase, a damaged vault, or for 'request' a response status of 400 or above.",
                ExitCode.CONNECTIONS_USAGE + ", and for 'secrets' an invalid secret name."},
        footerHeading = "%nConnections file and secret stores:%n",
        footer = {
                "--config FILE, else $HTTPAUTH_CONFIG, else connections.json, connections.yaml or connections.yml in the working directory."
                        + " Run 'httpauth demo --dir DIR' to get a sample file.",
                "Secret refs: env:NAME, file:/absolute/path, vault:NAME (with --vault) and pkcs12:ALIAS (with --pkcs12)."
                        + " Secret values are never taken from the command line."})
public final class HttpAuthCommand implements Callable<Integer> {

    /** The loggers that --verbose sets to DEBUG: the project's, and the auth events that logback.xml keeps at ERROR. */
    private static final List<String> VERBOSE_LOGGERS = List.of("dev.httpauth", Slf4jAuthEventPublisher.LOGGER_NAME);

    private static final String GUICE_BYTECODE_GENERATION = "guice_bytecode_gen_option";

    private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

    private final CliEnvironment environment;
    private final CliTerminal terminal;
    private final ConnectionsOpener connectionsOpener;

    @Spec
    private CommandSpec spec;

    /** The options given before the command name. The same options given after it win. */
    @Mixin
    private ConnectionOptions globalOptions;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Log what httpauth does (token requests with fingerprints, never secrets) to stderr,"
                    + " and print stack traces of unexpected errors.")
    private boolean verbose;

    @Inject
    public HttpAuthCommand(CliEnvironment environment, CliTerminal terminal, ConnectionsOpener connectionsOpener) {
        this.environment = environment;
        this.terminal = terminal;
        this.connectionsOpener = connectionsOpener;
    }

    /** Runs the command line with the process's environment and exits with the command's exit code. */
    public static void main(String[] args) {
        // Guice 7 defines AOP classes through sun.misc.Unsafe, which makes JDK 24 and newer print
        // warnings to stderr. The command line uses no method interception, so it turns that off.
        if (System.getProperty(GUICE_BYTECODE_GENERATION) == null) {
            System.setProperty(GUICE_BYTECODE_GENERATION, "DISABLED");
        }
        // Set before the first logger exists. The file is not called logback.xml, so that hosts
        // that put auth-app on their class path keep their own logging configuration.
        if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
            System.setProperty(LOGBACK_CONFIGURATION, "httpauth-cli-logback.xml");
        }
        Injector injector = Guice.createInjector(new CliModule(CliEnvironment.system(), CliTerminal.system()));
        System.exit(commandLine(injector).execute(args));
    }

    /**
     * Creates the command line from {@code injector}, which must bind what {@link CliModule} binds.
     * Output goes to {@code System.out} and {@code System.err} unless the caller sets other writers
     * with {@link CommandLine#setOut} and {@link CommandLine#setErr}.
     */
    public static CommandLine commandLine(Injector injector) {
        HttpAuthCommand root = injector.getInstance(HttpAuthCommand.class);
        CommandLine commandLine = new CommandLine(root);
        // By default picocli replaces an argument @FILE with the words in FILE, so '-d @body.json'
        // would send those words as arguments and 'secrets set @file' would take a secret as a name.
        commandLine.setExpandAtFiles(false);
        commandLine.setExecutionStrategy(root::executeWithLogging);
        commandLine.setParameterExceptionHandler(HttpAuthCommand::reportUsageError);
        commandLine.setExecutionExceptionHandler(root::reportUnexpectedError);
        return commandLine;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: choose one of test, header, request, connections, secrets, schema, demo");
    }

    /**
     * Finds the connections file and opens it with the secret stores that the options configure,
     * or returns why it cannot be used.
     *
     * @param commandOptions the options given after the command name, which beat the global ones
     */
    Either<CommandFailure, OpenedConnections> openConnections(ConnectionOptions commandOptions) {
        return connectionsFile(commandOptions).flatMap(file -> openConnections(file, commandOptions));
    }

    /** Opens {@code connectionsFile} with the secret stores that the options configure. */
    Either<CommandFailure, OpenedConnections> openConnections(Path connectionsFile, ConnectionOptions commandOptions) {
        return secretStores(commandOptions.orElse(globalOptions).stores).moduleConfiguration()
                .map(stores -> new OpenedConnections(
                        connectionsOpener.open(connectionsFile, stores.configuration()),
                        stores.unconfiguredSchemes()));
    }

    /** Opens {@code connectionsFile} with {@code configuration} in place of the secret store options. */
    HttpAuth openConnections(Path connectionsFile, UnaryOperator<HttpAuthModule> configuration) {
        return connectionsOpener.open(connectionsFile, configuration);
    }

    /** Finds the connections file named by {@code commandOptions}, else the global options, else the environment, see {@link ConfigLocation}. */
    Either<CommandFailure, Path> connectionsFile(ConnectionOptions commandOptions) {
        return ConfigLocation.find(Optional.ofNullable(commandOptions.orElse(globalOptions).configFile), environment);
    }

    /** Returns the vault store that {@code commandOptions}, the global options and the environment configure. */
    CliSecretStores vaultStores(VaultOptions commandOptions) {
        return secretStores(SecretStoreOptions.vaultOnly(commandOptions.orElse(globalOptions.stores.vault)));
    }

    private CliSecretStores secretStores(SecretStoreOptions options) {
        return new CliSecretStores(options, environment, terminal);
    }

    /** Returns the auth method types that connections files may use, with the plugins on the class path. */
    ConnectionFileFormat connectionFileFormat() {
        return connectionsOpener.format();
    }

    CliEnvironment environment() {
        return environment;
    }

    CliTerminal terminal() {
        return terminal;
    }

    /** Prints {@code failure} to stderr as {@code httpauth: message} and returns its exit code. */
    int fail(CommandFailure failure) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("httpauth: " + failure.message());
        err.flush();
        return failure.exitCode();
    }

    /** Prints a warning line to stderr. */
    void warn(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("httpauth: warning: " + message);
        err.flush();
    }

    private int executeWithLogging(ParseResult parseResult) {
        if (!verbose) {
            return new CommandLine.RunLast().execute(parseResult);
        }
        Map<Logger, Level> configuredLevels = new LinkedHashMap<>();
        for (String name : VERBOSE_LOGGERS) {
            if (LoggerFactory.getLogger(name) instanceof Logger logger) {
                configuredLevels.put(logger, logger.getLevel());
                logger.setLevel(Level.DEBUG);
            }
        }
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } finally {
            // Restored so that commands run in the same JVM, as in tests, start from the configuration.
            configuredLevels.forEach(Logger::setLevel);
        }
    }

    private static int reportUsageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("httpauth: " + e.getMessage());
        err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return ExitCode.USAGE;
    }

    private int reportUnexpectedError(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        Optional<CommandFailure> pluginFailure = PluginFailures.find(e);
        if (pluginFailure.isPresent()) {
            err.println("httpauth: " + pluginFailure.get().message());
            err.flush();
            return pluginFailure.get().exitCode();
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        err.println("httpauth: unexpected error: " + e
                + (verbose ? "" : " (run again with --verbose for the stack trace)"));
        err.flush();
        return ExitCode.FAILED;
    }
}
