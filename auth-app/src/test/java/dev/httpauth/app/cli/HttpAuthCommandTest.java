package dev.httpauth.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpAuthCommandTest {

    @TempDir
    private Path directory;

    @Test
    void helpListsCommandsAndExitCodes() {
        CliRun.Result result = CliRun.in(directory).run("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("Usage: httpauth")
                .contains("test", "header", "request", "connections", "demo")
                .contains("Exit codes:")
                .contains("--config=FILE")
                .contains("--verbose");
    }

    @Test
    void everyCommandOptionAndParameterHasDescription() {
        CommandLine commandLine = HttpAuthCommand.commandLine(com.google.inject.Guice.createInjector(
                new CliModule(new CliEnvironment(Map.of(), directory))));
        List<String> undescribed = new ArrayList<>();

        collectUndescribed(commandLine.getCommandSpec(), undescribed);

        assertThat(undescribed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "schema", "secrets", "secrets set", "secrets get", "secrets list", "secrets rm", "secrets rekey"})
    void helpOmitsConnectionsFileWhereUnused(String command) {
        CliRun.Result result = CliRun.in(directory).run((command + " --help").split(" "));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).doesNotContain("--config");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secrets", "secrets set", "secrets get", "secrets list", "secrets rm", "secrets rekey"})
    void secretsHelpOmitsPkcs12Options(String command) {
        CliRun.Result result = CliRun.in(directory).run((command + " --help").split(" "));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).doesNotContain("--pkcs12").contains("--vault=FILE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "header", "request", "connections"})
    void connectionCommandsListConnectionsFileAndStores(String command) {
        CliRun.Result result = CliRun.in(directory).run(command, "--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("--config=FILE").contains("--vault=FILE").contains("--pkcs12=FILE");
    }

    @Test
    void demoRejectsConnectionsFileOption() {
        CliRun.Result result = CliRun.in(directory).run("demo", "--config", "connections.json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown options: '--config'");
    }

    @Test
    void everyCommandListsExitCodes() {
        CommandLine commandLine = HttpAuthCommand.commandLine(com.google.inject.Guice.createInjector(
                new CliModule(new CliEnvironment(Map.of(), directory))));
        List<CommandSpec> commands = new ArrayList<>();
        collectCommands(commandLine.getCommandSpec(), commands);

        for (CommandSpec command : commands) {
            assertThat(command.usageMessage().exitCodeListHeading()).as(command.qualifiedName()).isEqualTo("%nExit codes:%n");
            assertThat(command.usageMessage().exitCodeList()).as(command.qualifiedName()).containsKeys("0", "2");
        }
        assertThat(commands).extracting(CommandSpec::qualifiedName).contains("httpauth test", "httpauth header", "httpauth secrets rekey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "header"})
    void helpOfTestAndHeaderShowsExitCodes(String command) {
        CliRun.Result result = CliRun.in(directory).run(command, "--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("\nExit codes:\n  0   ").contains("\n  1   ").contains("\n  2   ");
    }

    @Test
    void missingCommandExitsTwo() {
        CliRun.Result result = CliRun.in(directory).run();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: Missing command");
    }

    @Test
    void unknownOptionExitsTwo() {
        CliRun.Result result = CliRun.in(directory).run("test", "crm", "--no-such-option");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err().lines().toList()).containsExactly(
                "httpauth: Unknown option: '--no-such-option'",
                "Run 'httpauth test --help' for usage.");
    }

    @Test
    void missingParameterExitsTwo() {
        CliRun.Result result = CliRun.in(directory).run("request", "crm");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("URL");
    }

    @Test
    void versionExitsZero() {
        CliRun.Result result = CliRun.in(directory).run("--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("httpauth ");
    }

    /** Adds {@code command} and its subcommands, except picocli's help command, which has no exit codes of its own. */
    private static void collectCommands(CommandSpec command, List<CommandSpec> commands) {
        if (command.userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        commands.add(command);
        command.subcommands().values().forEach(sub -> collectCommands(sub.getCommandSpec(), commands));
    }

    private static void collectUndescribed(CommandSpec command, List<String> undescribed) {
        if (command.usageMessage().description().length == 0) {
            undescribed.add(command.qualifiedName());
        }
        for (ArgSpec arg : command.args()) {
            boolean described = arg.description().length > 0 && !arg.description()[0].isBlank();
            if (!described) {
                undescribed.add(command.qualifiedName() + " " + arg.paramLabel());
            }
        }
        command.subcommands().values().forEach(sub -> collectUndescribed(sub.getCommandSpec(), undescribed));
    }
}
