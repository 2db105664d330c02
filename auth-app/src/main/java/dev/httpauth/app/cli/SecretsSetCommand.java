package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.vault.VaultFile;
import dev.httpauth.domain.model.Secret;
import io.vavr.control.Either;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code httpauth secrets set NAME}: stores a secret read from standard input or a prompt. */
@Command(
        name = "set",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Stores a secret in the vault under NAME, replacing any earlier value, and prints its fingerprint.",
                "The value is all of standard input as UTF-8, without one trailing line break, for example"
                        + " 'httpauth secrets set crm-secret < secret.txt'. On a terminal, httpauth asks for it twice instead, without echo.",
                "The value is never taken from the command line, because other users can read the arguments of a running"
                        + " process and the shell keeps them in its history."},
        exitCodeListHeading = ExitCode.LIST_HEADING,
        exitCodeList = {
                "0:The secret was stored.",
                ExitCode.VAULT_FAILED + ", or a failed read or write.",
                ExitCode.VAULT_USAGE + ", no vault file and no --create, an invalid name, a value on the command line,"
                        + " standard input that is empty, not UTF-8 or longer than " + SecretsSetCommand.MAX_VALUE_BYTES + " bytes."})
final class SecretsSetCommand implements Callable<Integer> {

    /** The largest value accepted on standard input: 64 KiB, as for a {@code file:} secret. */
    static final int MAX_VALUE_BYTES = 64 * 1024;

    @ParentCommand
    private SecretsCommand secrets;

    @Spec
    private CommandSpec spec;

    @Mixin
    private VaultOptions vaultOptions;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "Name of the secret, used in refs as vault:NAME: letters A-Z and a-z, digits 0-9 and . _ - /,"
                    + " starting with a letter or digit.")
    private String name;

    @Option(
            names = "--create",
            description = "Create the vault if its file does not exist, unlocked with the configured key file or passphrase file,"
                    + " or on a terminal with a new passphrase asked twice.")
    private boolean create;

    /** Anything after NAME, most likely the value typed on the command line; it is counted, never shown. */
    @Unmatched
    private List<String> unexpectedArguments = new ArrayList<>();

    @Override
    public Integer call() {
        if (!unexpectedArguments.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "'secrets set' takes only the NAME of the secret, but "
                    + unexpectedArguments.size() + " more argument(s) followed (not shown, in case they hold the value)."
                    + " The value is read from standard input or a prompt, never from the command line, because other users"
                    + " can read the arguments of a running process and the shell keeps them in its history."
                    + " Run the command again, for example: httpauth secrets set " + name + " < secret.txt");
        }

        Optional<CommandFailure> nameProblem = SecretNames.problem(name);
        if (nameProblem.isPresent()) {
            return secrets.fail(nameProblem.get());
        }
        Either<CommandFailure, VaultFile> vault = secrets.vault(vaultOptions).open(create);
        if (vault.isLeft()) {
            return secrets.fail(vault.getLeft());
        }
        Either<CommandFailure, Secret> value = readValue();
        if (value.isLeft()) {
            return secrets.fail(value.getLeft());
        }

        return vault.get().set(name, value.get())
                .mapLeft(VaultOpener::failure)
                .fold(secrets::fail, stored -> SecretsCommand.print(spec,
                        "Stored secret '" + name + "' in vault " + stored.path() + " (" + value.get().fingerprint() + ")"));
    }

    private Either<CommandFailure, Secret> readValue() {
        CliTerminal terminal = secrets.terminal();
        if (terminal.interactive()) {
            return TerminalPrompts.askTwice(terminal, "Value of secret " + name + ": ", "Repeat the value: ", "value")
                    .map(SecretsSetCommand::toSecret);
        }
        return readStandardInput(terminal.standardInput());
    }

    private Either<CommandFailure, Secret> readStandardInput(InputStream input) {
        byte[] bytes;
        try {
            bytes = input.readNBytes(MAX_VALUE_BYTES + 1);
        } catch (IOException e) {
            return Either.left(CommandFailure.failed("Reading the value from standard input failed: " + e.getMessage()));
        }
        try {
            if (bytes.length > MAX_VALUE_BYTES) {
                return Either.left(CommandFailure.usage("The value on standard input is longer than " + MAX_VALUE_BYTES
                        + " bytes, the limit for a secret: check that the right file is redirected"));
            }
            return decode(bytes).map(SecretsSetCommand::withoutTrailingLineBreak).flatMap(this::nonEmpty);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static Either<CommandFailure, String> decode(byte[] bytes) {
        try {
            return Either.right(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Either.left(CommandFailure.usage("The value on standard input is not valid UTF-8 text: store the secret as UTF-8"));
        }
    }

    private Either<CommandFailure, Secret> nonEmpty(String value) {
        if (value.isEmpty()) {
            return Either.left(CommandFailure.usage("Standard input is empty, so there is no value to store: redirect the value"
                    + " into the command, for example: httpauth secrets set " + name + " < secret.txt"));
        }
        return Either.right(Secret.of(value));
    }

    private static String withoutTrailingLineBreak(String text) {
        if (text.endsWith("\r\n")) {
            return text.substring(0, text.length() - 2);
        }
        if (text.endsWith("\n")) {
            return text.substring(0, text.length() - 1);
        }
        return text;
    }

    private static Secret toSecret(char[] chars) {
        try {
            return Secret.of(new String(chars));
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
