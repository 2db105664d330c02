package dev.httpauth.app.cli;

import dev.httpauth.adapters.store.vault.VaultFile;
import dev.httpauth.app.fixture.SecretFiles;
import dev.httpauth.domain.model.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretsCommandTest {

    private static final String VALUE = "canary-vault-value-7f3a9c";

    @TempDir
    private Path directory;

    @Test
    void setReadsStandardInputAndGetMasksValue() {
        Path keyFile = SecretFiles.keyFile(directory.resolve("vault.key"));
        CliRun cli = CliRun.in(directory);

        CliRun.Result set = cli.withInput(VALUE + "\n").run("secrets", "set", "crm", "--create", "--vault", "secrets.vault", "--vault-key-file", keyFile.toString());
        CliRun.Result get = cli.run("secrets", "get", "crm", "--vault", "secrets.vault", "--vault-key-file", keyFile.toString());

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).startsWith("Stored secret 'crm' in vault " + directory.resolve("secrets.vault")).contains("(sha256:");
        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.out()).matches("crm: \\*\\*\\*\\* \\(sha256:[0-9a-f]{8}\\)\n");
        assertThat(set.all() + get.all()).doesNotContain(VALUE);
    }

    @Test
    void getWithRevealPrintsValueOnly() {
        CliRun cli = keyFileVault("crm", VALUE);

        CliRun.Result get = cli.run("secrets", "get", "crm", "--reveal");

        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.out()).isEqualTo(VALUE + "\n");
        assertThat(get.err()).isEmpty();
    }

    @Test
    void setStripsOnlyOneTrailingLineBreak() {
        CliRun cli = keyFileVault("other", "x");

        cli.withInput("two lines\n\n").run("secrets", "set", "crm");
        CliRun.Result crlf = cli.withInput("windows\r\n").run("secrets", "set", "windows");

        assertThat(crlf.exitCode()).as(crlf.toString()).isZero();
        assertThat(cli.run("secrets", "get", "crm", "--reveal").out()).isEqualTo("two lines\n\n");
        assertThat(cli.run("secrets", "get", "windows", "--reveal").out()).isEqualTo("windows\n");
    }

    @Test
    void setReplacesEarlierValue() {
        CliRun cli = keyFileVault("crm", "old-value");

        cli.withInput("new-value").run("secrets", "set", "crm");

        assertThat(cli.run("secrets", "get", "crm", "--reveal").out()).isEqualTo("new-value\n");
    }

    @Test
    void setWithValueArgumentIsUsageError() {
        CliRun cli = keyFileVault("other", "x");

        CliRun.Result result = cli.run("secrets", "set", "crm", VALUE);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("takes only the NAME")
                .contains("never from the command line")
                .contains("Run 'httpauth secrets set --help' for usage.");
        assertThat(result.all()).doesNotContain(VALUE);
        assertThat(cli.run("secrets", "list").out()).isEqualTo("other\n");
    }

    @Test
    void setTakesAtSignNameLiterally() throws IOException {
        CliRun cli = keyFileVault("other", "x");
        Path valueFile = Files.writeString(directory.resolve("value.txt"), VALUE);

        CliRun.Result result = cli.withInput("y").run("secrets", "set", "@" + valueFile);

        assertThat(result.all()).doesNotContain(VALUE);
        assertThat(cli.run("secrets", "list").out()).doesNotContain(VALUE);
    }

    @Test
    void setWithValueOptionIsUsageError() {
        CliRun cli = keyFileVault("other", "x");

        CliRun.Result result = cli.run("secrets", "set", "crm", "--value=" + VALUE);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("never from the command line");
        assertThat(result.all()).doesNotContain(VALUE);
    }

    @Test
    void setWithEmptyInputIsUsageError() {
        CliRun cli = keyFileVault("other", "x");

        CliRun.Result result = cli.withInput("\n").run("secrets", "set", "crm");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: Standard input is empty");
        assertThat(cli.run("secrets", "list").out()).isEqualTo("other\n");
    }

    @Test
    void setWithInvalidUtf8IsUsageError() {
        CliRun cli = keyFileVault("other", "x");

        CliRun.Result result = cli.withTerminal(ScriptedTerminal.standardInput(new byte[] {(byte) 0xC3, 0x28})).run("secrets", "set", "crm");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("not valid UTF-8");
    }

    @Test
    void setWithoutCreateOnMissingVaultExitsTwo() {
        Path keyFile = SecretFiles.keyFile(directory.resolve("vault.key"));

        CliRun.Result result = CliRun.in(directory).withInput(VALUE)
                .run("secrets", "set", "crm", "--vault", "missing.vault", "--vault-key-file", keyFile.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("Vault file " + directory.resolve("missing.vault") + " does not exist")
                .contains("--create");
        assertThat(directory.resolve("missing.vault")).doesNotExist();
    }

    @Test
    void createWithoutKeyOffTerminalExitsTwo() {
        CliRun.Result result = CliRun.in(directory).withInput(VALUE).run("secrets", "set", "crm", "--create", "--vault", "secrets.vault");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: Vault file " + directory.resolve("secrets.vault")
                + " does not exist yet and needs a key to be created");
        assertThat(directory.resolve("secrets.vault")).doesNotExist();
    }

    @Test
    void setWithBlankNameExitsTwo() {
        CliRun cli = keyFileVault("other", "x");

        CliRun.Result result = cli.withInput(VALUE).run("secrets", "set", " ");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: Invalid secret name ' ': it contains ' ', but a name may contain only");
    }

    @Test
    void setWithSpaceInNameChangesNothing() throws IOException {
        CliRun cli = keyFileVault("other", "x");
        byte[] vaultBefore = Files.readAllBytes(directory.resolve("secrets.vault"));

        CliRun.Result result = cli.withInput(VALUE).run("secrets", "set", "bad name");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: Invalid secret name 'bad name': it contains ' ', but a name may contain only"
                + " the letters A-Z and a-z, the digits 0-9 and the characters . _ - / and must start with a letter or digit,"
                + " such as crm/client-secret. A connections file refers to the secret as vault:NAME.\n");
        assertThat(result.out()).isEmpty();
        assertThat(Files.readAllBytes(directory.resolve("secrets.vault"))).isEqualTo(vaultBefore);
        assertThat(cli.run("secrets", "list").out()).isEqualTo("other\n");
    }

    @Test
    void setWithInvalidNameAsksNothing() {
        SecretFiles.keyFile(directory.resolve("vault.key"));
        ScriptedTerminal terminal = ScriptedTerminal.answering(VALUE, VALUE);

        CliRun.Result result = keyFileCli().withTerminal(terminal).run("secrets", "set", "a:b", "--create");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Invalid secret name 'a:b': it contains ':'");
        assertThat(terminal.prompts()).isEmpty();
        assertThat(directory.resolve("secrets.vault")).doesNotExist();
    }

    @Test
    void invalidNameShowsControlCharacterAsCodePoint() {
        CliRun cli = keyFileVault("other", "x");

        CliRun.Result result = cli.withInput(VALUE).run("secrets", "set", "red\u001b[31m");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: Invalid secret name 'red\\u001B[31m': it contains U+001B, but");
        assertThat(result.err()).doesNotContain("\u001b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "rm"})
    void invalidNameNotInVaultExitsTwo(String command) throws IOException {
        CliRun cli = keyFileVault("other", "x");
        byte[] vaultBefore = Files.readAllBytes(directory.resolve("secrets.vault"));

        CliRun.Result result = cli.run("secrets", command, "bad name");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: Invalid secret name 'bad name': it contains ' '");
        assertThat(Files.readAllBytes(directory.resolve("secrets.vault"))).isEqualTo(vaultBefore);
    }

    @Test
    void storedInvalidNameStaysReachable() {
        CliRun cli = keyFileVault("other", "x");
        try (EnteredKey key = EnteredKey.keyFile(directory.resolve("vault.key"))) {
            assertThat(VaultFile.open(directory.resolve("secrets.vault"), key.key())
                    .flatMap(vault -> vault.set("legacy name", Secret.of(VALUE))).isRight()).isTrue();
        }

        CliRun.Result get = cli.run("secrets", "get", "legacy name", "--reveal");
        CliRun.Result removed = cli.run("secrets", "rm", "legacy name");

        assertThat(get.exitCode()).as(get.toString()).isZero();
        assertThat(get.out()).isEqualTo(VALUE + "\n");
        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(cli.run("secrets", "list").out()).isEqualTo("other\n");
    }

    @Test
    void allowedNameWorksAsVaultRef() throws IOException {
        String name = "Team-2/crm_client.secret";
        CliRun cli = keyFileVault(name, VALUE);
        Files.writeString(directory.resolve("connections.json"), """
                { "connections": { "crm": { "auth": { "type": "basic", "username": "crm", "password": "vault:%s" } } } }
                """.formatted(name));

        CliRun.Result result = cli.run("header", "crm", "--reveal");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Authorization: Basic "
                + Base64.getEncoder().encodeToString(("crm:" + VALUE).getBytes(StandardCharsets.UTF_8)) + "\n");
    }

    @Test
    void listPrintsNamesOnly() {
        CliRun cli = keyFileVault("b-secret", VALUE);
        cli.withInput(VALUE + "-2").run("secrets", "set", "a-secret");

        CliRun.Result result = cli.run("secrets", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("a-secret\nb-secret\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void rmRemovesSecret() {
        CliRun cli = keyFileVault("crm", VALUE);

        CliRun.Result removed = cli.run("secrets", "rm", "crm");
        CliRun.Result get = cli.run("secrets", "get", "crm");

        assertThat(removed.exitCode()).as(removed.toString()).isZero();
        assertThat(removed.out()).isEqualTo("Removed secret 'crm' from vault " + directory.resolve("secrets.vault") + "\n");
        assertThat(get.exitCode()).as(get.toString()).isEqualTo(1);
        assertThat(get.err()).isEqualTo("httpauth: Vault file " + directory.resolve("secrets.vault")
                + " has no secret named 'crm'. Check the name, or store the secret first.\n");
    }

    @Test
    void rmOfMissingSecretExitsOne() {
        CliRun cli = keyFileVault("crm", VALUE);

        CliRun.Result result = cli.run("secrets", "rm", "billing");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("has no secret named 'billing'");
        assertThat(cli.run("secrets", "list").out()).isEqualTo("crm\n");
    }

    @Test
    void wrongPassphraseExitsOneNamingFile() {
        CliRun cli = passphraseVault("right passphrase");
        SecretFiles.ownerOnly(directory.resolve("passphrase"), "wrong passphrase\n");

        CliRun.Result result = cli.run("secrets", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("httpauth: Cannot decrypt vault file " + directory.resolve("secrets.vault")
                + ": the passphrase is wrong. Check the passphrase and try again.\n");
    }

    @Test
    void damagedVaultExitsOne() throws IOException {
        CliRun cli = keyFileVault("crm", VALUE);
        Path vault = directory.resolve("secrets.vault");
        byte[] bytes = Files.readAllBytes(vault);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(vault, bytes);

        CliRun.Result result = cli.run("secrets", "get", "crm");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("httpauth: Vault file " + vault + " is corrupted or was tampered with");
    }

    @Test
    void fileOfOtherTypeExitsOne() throws IOException {
        Path notAVault = Files.writeString(directory.resolve("connections.json"), "{\"connections\": {}}");
        Path keyFile = SecretFiles.keyFile(directory.resolve("vault.key"));

        CliRun.Result result = CliRun.in(directory).run("secrets", "list", "--vault", notAVault.toString(), "--vault-key-file", keyFile.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("is not an httpauth vault file");
    }

    @Test
    void withoutVaultExitsTwo() {
        CliRun.Result result = CliRun.in(directory).run("secrets", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: No vault file is configured: pass --vault FILE or set HTTPAUTH_VAULT=FILE\n");
    }

    @Test
    void withoutKeyOffTerminalExitsTwo() {
        keyFileVault("crm", VALUE);

        CliRun.Result result = CliRun.in(directory).run("secrets", "list", "--vault", "secrets.vault");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("needs a key")
                .contains("--vault-key-file FILE", "--vault-passphrase-file FILE", "HTTPAUTH_VAULT_KEY_FILE", "HTTPAUTH_VAULT_PASSPHRASE_FILE")
                .contains("run httpauth on a terminal");
    }

    @Test
    void keyFileAndPassphraseFileTogetherExitTwo() {
        CliRun cli = keyFileVault("crm", VALUE);
        SecretFiles.ownerOnly(directory.resolve("passphrase"), "passphrase");

        CliRun.Result result = cli.run("secrets", "list", "--vault-key-file", "vault.key", "--vault-passphrase-file", "passphrase");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Both --vault-key-file and --vault-passphrase-file were given");
    }

    @Test
    void passphraseOptionBeatsKeyFileVariable() {
        CliRun cli = keyFileVault("crm", VALUE);
        SecretFiles.ownerOnly(directory.resolve("passphrase"), "passphrase");

        CliRun.Result result = cli.run("secrets", "list", "--vault-passphrase-file", "passphrase");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: Vault file " + directory.resolve("secrets.vault")
                + " is unlocked with a key file, but a passphrase was given. Use a key file.\n");
    }

    @Test
    void bothKeyVariablesExitTwo() {
        keyFileVault("crm", VALUE);
        SecretFiles.ownerOnly(directory.resolve("passphrase"), "passphrase");

        CliRun.Result result = CliRun.in(directory).withVariables(Map.of(
                        "HTTPAUTH_VAULT", "secrets.vault",
                        "HTTPAUTH_VAULT_KEY_FILE", "vault.key",
                        "HTTPAUTH_VAULT_PASSPHRASE_FILE", "passphrase"))
                .run("secrets", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Both HTTPAUTH_VAULT_KEY_FILE and HTTPAUTH_VAULT_PASSPHRASE_FILE are set");
    }

    @Test
    void optionBeatsVariable() {
        keyFileVault("crm", VALUE);

        CliRun.Result result = CliRun.in(directory)
                .withVariables(Map.of("HTTPAUTH_VAULT", "missing.vault", "HTTPAUTH_VAULT_KEY_FILE", "vault.key"))
                .run("secrets", "--vault", "secrets.vault", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("crm\n");
    }

    @Test
    void globalOptionsBeforeCommandWork() {
        keyFileVault("crm", VALUE);

        CliRun.Result result = CliRun.in(directory).run("--vault", "secrets.vault", "--vault-key-file", "vault.key", "secrets", "list");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("crm\n");
    }

    @Test
    void passphraseFileReadableByOthersExitsTwo() throws IOException {
        CliRun cli = passphraseVault("passphrase");
        Files.setPosixFilePermissions(directory.resolve("passphrase"), PosixFilePermissions.fromString("rw-r--r--"));

        CliRun.Result result = cli.run("secrets", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("The vault passphrase file " + directory.resolve("passphrase") + " (from $HTTPAUTH_VAULT_PASSPHRASE_FILE) cannot be used")
                .contains("chmod 600");
    }

    @Test
    void keyFileReadableByOthersExitsTwo() throws IOException {
        CliRun cli = keyFileVault("crm", VALUE);
        Files.setPosixFilePermissions(directory.resolve("vault.key"), PosixFilePermissions.fromString("rw-r--r--"));

        CliRun.Result result = cli.run("secrets", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Key file " + directory.resolve("vault.key")).contains("chmod 600");
    }

    @Test
    void createOnTerminalPromptsTwice() {
        ScriptedTerminal terminal = ScriptedTerminal.answering("new passphrase", "new passphrase", VALUE, VALUE);
        Path vault = directory.resolve("secrets.vault");

        CliRun.Result set = CliRun.in(directory).withTerminal(terminal).run("secrets", "set", "crm", "--create", "--vault", "secrets.vault");
        CliRun.Result get = CliRun.in(directory).withTerminal(ScriptedTerminal.answering("new passphrase"))
                .run("secrets", "get", "crm", "--reveal", "--vault", "secrets.vault");

        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(terminal.prompts()).containsExactly(
                "New passphrase for vault " + vault + ": ",
                "Repeat the new passphrase: ",
                "Value of secret crm: ",
                "Repeat the value: ");
        assertThat(get.out()).isEqualTo(VALUE + "\n");
    }

    @Test
    void createWithDifferentPassphrasesChangesNothing() {
        ScriptedTerminal terminal = ScriptedTerminal.answering("one passphrase", "another passphrase");

        CliRun.Result result = CliRun.in(directory).withTerminal(terminal).run("secrets", "set", "crm", "--create", "--vault", "secrets.vault");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: The two passphrase entries differ, so nothing was changed: run the command again\n");
        assertThat(directory.resolve("secrets.vault")).doesNotExist();
    }

    @Test
    void mismatchedValuesKeepOldValue() {
        keyFileVault("crm", "old-value");
        ScriptedTerminal terminal = ScriptedTerminal.answering(VALUE, VALUE + "typo");

        CliRun.Result result = CliRun.in(directory).withTerminal(terminal)
                .run("secrets", "set", "crm", "--vault", "secrets.vault", "--vault-key-file", "vault.key");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("The two value entries differ");
        assertThat(keyFileCli().run("secrets", "get", "crm", "--reveal").out()).isEqualTo("old-value\n");
    }

    @Test
    void getOnTerminalWithoutAnswerExitsTwo() {
        passphraseVault("passphrase");

        CliRun.Result result = CliRun.in(directory).withTerminal(ScriptedTerminal.answering())
                .run("secrets", "get", "crm", "--vault", "secrets.vault");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: No passphrase was entered\n");
    }

    @Test
    void rekeyWithNewPassphraseFileReplacesOldPassphrase() {
        CliRun cli = passphraseVault("old passphrase");
        SecretFiles.ownerOnly(directory.resolve("new-passphrase"), "new passphrase\n");

        CliRun.Result rekey = cli.run("secrets", "rekey", "--new-passphrase-file", "new-passphrase");
        CliRun.Result withOld = cli.run("secrets", "list");
        CliRun.Result withNew = cli.run("secrets", "list", "--vault-passphrase-file", "new-passphrase");

        assertThat(rekey.exitCode()).as(rekey.toString()).isZero();
        assertThat(rekey.out()).isEqualTo("Rekeyed vault " + directory.resolve("secrets.vault") + ": from now on it opens only with the new passphrase\n");
        assertThat(withOld.exitCode()).as(withOld.toString()).isEqualTo(1);
        assertThat(withOld.err()).contains("the passphrase is wrong");
        assertThat(withNew.exitCode()).as(withNew.toString()).isZero();
        assertThat(withNew.out()).isEqualTo("crm\n");
    }

    @Test
    void rekeyToKeyFileKeepsSecrets() {
        CliRun cli = passphraseVault("old passphrase");
        Path newKey = SecretFiles.keyFile(directory.resolve("new.key"));

        CliRun.Result rekey = cli.run("secrets", "rekey", "--new-key-file", "new.key");
        CliRun.Result get = CliRun.in(directory).run("secrets", "get", "crm", "--reveal", "--vault", "secrets.vault", "--vault-key-file", "new.key");

        assertThat(rekey.exitCode()).as(rekey.toString()).isZero();
        assertThat(rekey.out()).endsWith("from now on it opens only with key file " + newKey + "\n");
        assertThat(get.out()).isEqualTo(VALUE + "\n");
    }

    @Test
    void rekeyOnTerminalPromptsThreeTimes() {
        passphraseVault("old passphrase");
        Path vault = directory.resolve("secrets.vault");
        ScriptedTerminal terminal = ScriptedTerminal.answering("old passphrase", "new passphrase", "new passphrase");

        CliRun.Result rekey = CliRun.in(directory).withTerminal(terminal).run("secrets", "rekey", "--vault", "secrets.vault");
        CliRun.Result get = CliRun.in(directory).withTerminal(ScriptedTerminal.answering("new passphrase"))
                .run("secrets", "get", "crm", "--reveal", "--vault", "secrets.vault");

        assertThat(rekey.exitCode()).as(rekey.toString()).isZero();
        assertThat(terminal.prompts()).containsExactly(
                "Passphrase for vault " + vault + ": ",
                "New passphrase for vault " + vault + ": ",
                "Repeat the new passphrase: ");
        assertThat(get.out()).isEqualTo(VALUE + "\n");
    }

    @Test
    void rekeyWithoutNewKeyOffTerminalExitsTwo() {
        CliRun cli = keyFileVault("crm", VALUE);

        CliRun.Result result = cli.run("secrets", "rekey");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("No new key was given");
        assertThat(cli.run("secrets", "list").out()).isEqualTo("crm\n");
    }

    @Test
    void rekeyWithBothNewKeysExitsTwo() {
        CliRun cli = keyFileVault("crm", VALUE);

        CliRun.Result result = cli.run("secrets", "rekey", "--new-key-file", "a.key", "--new-passphrase-file", "b");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("give only one of them");
    }

    @Test
    void secretsWithoutSubcommandExitsTwo() {
        CliRun.Result result = CliRun.in(directory).run("secrets");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).startsWith("httpauth: Missing command: choose one of set, get, list, rm, rekey");
    }

    @Test
    void helpOfEachSecretsCommandDescribesIt() {
        CliRun cli = CliRun.in(directory);

        assertThat(cli.run("secrets", "--help").out()).contains("set", "get", "list", "rm", "rekey", "Exit codes:");
        assertThat(cli.run("secrets", "set", "--help").out()).contains("never taken from the command line", "--create");
        assertThat(cli.run("secrets", "get", "--help").out()).contains("--reveal", "fingerprint");
        assertThat(cli.run("secrets", "list", "--help").out()).contains("never their values");
        assertThat(cli.run("secrets", "rm", "--help").out()).contains("Removes the secret NAME");
        assertThat(cli.run("secrets", "rekey", "--help").out()).contains("--new-passphrase-file", "--new-key-file");
    }

    /** Creates {@code secrets.vault} unlocked by {@code vault.key} with one secret, and returns a command line configured for it by variables. */
    private CliRun keyFileVault(String name, String value) {
        SecretFiles.keyFile(directory.resolve("vault.key"));
        CliRun cli = keyFileCli();
        CliRun.Result created = cli.withInput(value).run("secrets", "set", name, "--create");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return cli;
    }

    private CliRun keyFileCli() {
        return CliRun.in(directory).withVariables(Map.of("HTTPAUTH_VAULT", "secrets.vault", "HTTPAUTH_VAULT_KEY_FILE", "vault.key"));
    }

    /** Creates {@code secrets.vault} unlocked by the passphrase in the file {@code passphrase}, with the secret crm. */
    private CliRun passphraseVault(String passphrase) {
        SecretFiles.ownerOnly(directory.resolve("passphrase"), passphrase + "\n");
        CliRun cli = CliRun.in(directory).withVariables(Map.of("HTTPAUTH_VAULT", "secrets.vault", "HTTPAUTH_VAULT_PASSPHRASE_FILE", "passphrase"));
        CliRun.Result created = cli.withInput(VALUE).run("secrets", "set", "crm", "--create");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return cli;
    }
}
