package dev.httpauth.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code httpauth schema}: prints the JSON Schema of the connections file. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Prints the JSON Schema (draft 2020-12) of the connections file to stdout: the built-in auth methods and"
                        + " those of the plugins on the class path. Editors use it to complete and check JSON and YAML files.",
                "Reads no connections file."},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:The schema was printed.",
                ExitCode.UNEXPECTED_ERROR,
                "2:Bad usage: an unknown option or argument, or auth method plugins that cannot be installed together."})
final class SchemaCommand implements Callable<Integer> {

    @ParentCommand
    private HttpAuthCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(root.connectionFileFormat().jsonSchema());
        out.flush();
        return ExitCode.OK;
    }
}
