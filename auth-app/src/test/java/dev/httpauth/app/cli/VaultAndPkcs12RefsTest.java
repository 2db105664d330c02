package dev.httpauth.app.cli;

import dev.httpauth.app.fixture.LoopbackServices;
import dev.httpauth.app.fixture.SecretFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands that read connections, with vault: and pkcs12: refs configured by options, variables and prompts. */
class VaultAndPkcs12RefsTest {

    private static final String KEYSTORE_PASSWORD = "keystore-password-5d1e";

    private static LoopbackServices services;

    @TempDir
    private Path directory;

    private Path config;

    @BeforeAll
    static void startServers() {
        services = LoopbackServices.start();
    }

    @AfterAll
    static void stopServers() {
        services.close();
    }

    @BeforeEach
    void writeConnectionsFile() throws IOException {
        config = Files.writeString(directory.resolve("connections.json"), """
                {
                  "connections": {
                    "vault-basic": { "auth": { "type": "basic", "username": "%1$s", "password": "vault:basic-password" } },
                    "vault-oauth": { "auth": { "type": "oauth2-client-credentials", "tokenEndpoint": "%2$s",
                                               "clientId": "%3$s", "clientSecret": "vault:client-secret", "scope": "test.read" } },
                    "pkcs12-key": { "auth": { "type": "api-key", "in": "header", "name": "X-API-Key", "value": "pkcs12:api-key" } }
                  }
                }
                """.formatted(LoopbackServices.USERNAME, services.authorizationServer().tokenEndpoint(), LoopbackServices.CLIENT_ID));
    }

    @Test
    void testCommandObtainsTokenWithVaultClientSecret() {
        writeKeyFileVault();

        CliRun.Result result = CliRun.in(directory).run("test", "vault-oauth", "--vault", "secrets.vault", "--vault-key-file", "vault.key");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("[PASS] token obtained");
        assertThat(result.all()).doesNotContain(services.clientSecret());
    }

    @Test
    void headerReadsVaultConfiguredByVariables() {
        writeKeyFileVault();

        CliRun.Result result = CliRun.in(directory)
                .withVariables(Map.of("HTTPAUTH_VAULT", "secrets.vault", "HTTPAUTH_VAULT_KEY_FILE", "vault.key"))
                .run("header", "vault-basic", "--reveal");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("Authorization: Basic " + services.basicCredentials() + "\n");
    }

    @Test
    void headerAsksVaultPassphraseOnceOnTerminal() {
        SecretFiles.ownerOnly(directory.resolve("passphrase"), "vault passphrase");
        CliRun.in(directory).withInput(services.basicPassword())
                .run("secrets", "set", "basic-password", "--create", "--vault", "secrets.vault", "--vault-passphrase-file", "passphrase");
        ScriptedTerminal terminal = ScriptedTerminal.answering("vault passphrase");

        CliRun.Result result = CliRun.in(directory).withTerminal(terminal).run("header", "vault-basic", "--vault", "secrets.vault");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("Authorization: Basic **** (sha256:");
        assertThat(terminal.prompts()).containsExactly("Passphrase for vault " + directory.resolve("secrets.vault") + ": ");
    }

    @Test
    void headerWithWrongVaultPassphraseExitsOne() {
        SecretFiles.ownerOnly(directory.resolve("passphrase"), "vault passphrase");
        CliRun.in(directory).withInput(services.basicPassword())
                .run("secrets", "set", "basic-password", "--create", "--vault", "secrets.vault", "--vault-passphrase-file", "passphrase");

        CliRun.Result result = CliRun.in(directory).withTerminal(ScriptedTerminal.answering("wrong passphrase"))
                .run("header", "vault-basic", "--vault", "secrets.vault");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("httpauth: Secret vault:basic-password is unavailable: Cannot decrypt vault file "
                + directory.resolve("secrets.vault") + ": the passphrase is wrong. Check the passphrase and try again.\n");
    }

    @Test
    void unconfiguredVaultIsUsageError() {
        CliRun.Result result = CliRun.in(directory).run("header", "vault-basic");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: Secret vault:basic-password is unavailable: vault: refs need a vault file,"
                + " but none is configured: pass --vault FILE or set HTTPAUTH_VAULT=FILE\n");
    }

    @Test
    void testWithUnconfiguredVaultExitsTwo() {
        CliRun.Result result = CliRun.in(directory).run("test", "vault-oauth");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out()).contains("[FAIL] secrets resolved: Secret vault:client-secret is unavailable: vault: refs need a vault file,"
                + " but none is configured: pass --vault FILE");
    }

    @Test
    void requestWithUnconfiguredPkcs12ExitsTwo() {
        int requestsBefore = services.resource().requestCount();

        CliRun.Result result = CliRun.in(directory).run("request", "pkcs12-key", services.resource().uri("/api-key").toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Secret pkcs12:api-key is unavailable: pkcs12: refs need a PKCS#12 keystore,"
                + " but none is configured: pass --pkcs12 FILE");
        assertThat(services.resource().requestCount()).isEqualTo(requestsBefore);
    }

    @Test
    void vaultWithoutKeyIsUsageError() {
        writeKeyFileVault();

        CliRun.Result result = CliRun.in(directory).run("header", "vault-basic", "--vault", "secrets.vault");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Secret vault:basic-password is unavailable: vault file " + directory.resolve("secrets.vault")
                + " needs a key, but none is configured: pass --vault-key-file FILE");
    }

    @Test
    void missingVaultFileIsUsageError() {
        SecretFiles.keyFile(directory.resolve("vault.key"));

        CliRun.Result result = CliRun.in(directory).run("header", "vault-basic", "--vault", "missing.vault", "--vault-key-file", "vault.key");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: Secret vault:basic-password is unavailable: vault file " + directory.resolve("missing.vault")
                + " (from --vault) does not exist: check the path, or create the vault with 'httpauth secrets set NAME --create'\n");
    }

    @Test
    void missingVaultKeyFileIsUsageError() {
        writeKeyFileVault();

        CliRun.Result result = CliRun.in(directory)
                .withVariables(Map.of("HTTPAUTH_VAULT_KEY_FILE", "missing.key"))
                .run("header", "vault-basic", "--vault", "secrets.vault");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Secret vault:basic-password is unavailable: key file " + directory.resolve("missing.key")
                + " (from $HTTPAUTH_VAULT_KEY_FILE) does not exist: check the path");
    }

    @Test
    void missingVaultPassphraseFileIsUsageError() {
        writeKeyFileVault();

        CliRun.Result result = CliRun.in(directory).run("header", "vault-basic", "--vault", "secrets.vault", "--vault-passphrase-file", "missing");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Secret vault:basic-password is unavailable: passphrase file " + directory.resolve("missing")
                + " (from --vault-passphrase-file) does not exist: check the path");
    }

    @Test
    void missingVaultFileAffectsOnlyVaultRefs() {
        writeKeyStore();

        CliRun.Result result = CliRun.in(directory)
                .withVariables(Map.of("P12_PASSWORD", KEYSTORE_PASSWORD))
                .run("header", "pkcs12-key", "--vault", "missing.vault", "--pkcs12", "secrets.p12", "--pkcs12-password-ref", "env:P12_PASSWORD");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("X-API-Key: **** (sha256:");
    }

    @Test
    void connectionsCommandListsUnconfiguredVaultAsProblem() {
        CliRun.Result result = CliRun.in(directory).run("connections");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.out())
                .contains("vault: refs need a vault file, but none is configured: pass --vault FILE or set HTTPAUTH_VAULT=FILE")
                .contains("pkcs12: refs need a PKCS#12 keystore, but none is configured: pass --pkcs12 FILE");
    }

    @Test
    void headerReadsPkcs12WithPasswordFromEnvironment() {
        writeKeyStore();

        CliRun.Result result = CliRun.in(directory)
                .withVariables(Map.of("P12_PASSWORD", KEYSTORE_PASSWORD))
                .run("header", "pkcs12-key", "--reveal", "--pkcs12", "secrets.p12", "--pkcs12-password-ref", "env:P12_PASSWORD");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo("X-API-Key: " + services.apiKey() + "\n");
    }

    @Test
    void pkcs12FromVariablesWithPasswordFile() {
        writeKeyStore();
        Path passwordFile = SecretFiles.ownerOnly(directory.resolve("p12-password"), KEYSTORE_PASSWORD + "\n");

        CliRun.Result result = CliRun.in(directory)
                .withVariables(Map.of("HTTPAUTH_PKCS12", "secrets.p12", "HTTPAUTH_PKCS12_PASSWORD_REF", "file:" + passwordFile))
                .run("header", "pkcs12-key");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("X-API-Key: **** (sha256:");
        assertThat(result.all()).doesNotContain(services.apiKey());
    }

    @Test
    void unconfiguredPkcs12IsUsageError() {
        CliRun.Result result = CliRun.in(directory).run("header", "pkcs12-key");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: Secret pkcs12:api-key is unavailable: pkcs12: refs need a PKCS#12 keystore,"
                + " but none is configured: pass --pkcs12 FILE and --pkcs12-password-ref REF, or set HTTPAUTH_PKCS12=FILE and"
                + " HTTPAUTH_PKCS12_PASSWORD_REF=REF\n");
    }

    @Test
    void missingKeystoreFileIsUsageError() {
        CliRun.Result result = CliRun.in(directory)
                .withVariables(Map.of("HTTPAUTH_PKCS12", "missing.p12"))
                .run("header", "pkcs12-key", "--pkcs12-password-ref", "env:P12_PASSWORD");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("httpauth: Secret pkcs12:api-key is unavailable: keystore file " + directory.resolve("missing.p12")
                + " (from $HTTPAUTH_PKCS12) does not exist: check the path\n");
    }

    @Test
    void pkcs12WithoutPasswordIsUsageError() {
        writeKeyStore();

        CliRun.Result result = CliRun.in(directory).run("header", "pkcs12-key", "--pkcs12", "secrets.p12");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Secret pkcs12:api-key is unavailable: keystore " + directory.resolve("secrets.p12")
                + " needs its password: pass --pkcs12-password-ref env:NAME");
    }

    @Test
    void pkcs12WithUnsetPasswordVariableExitsOne() {
        writeKeyStore();

        CliRun.Result result = CliRun.in(directory).run("header", "pkcs12-key", "--pkcs12", "secrets.p12", "--pkcs12-password-ref", "env:P12_PASSWORD");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("the password of keystore " + directory.resolve("secrets.p12") + " is unavailable")
                .contains("the environment variable P12_PASSWORD is not set");
    }

    @Test
    void pkcs12PasswordRefWithOtherSchemeExitsTwo() {
        writeKeyStore();

        CliRun.Result result = CliRun.in(directory).run("header", "pkcs12-key", "--pkcs12", "secrets.p12", "--pkcs12-password-ref", "vault:p12");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("The keystore password ref (from --pkcs12-password-ref) must be an env:NAME or file:/absolute/path ref");
        assertThat(result.all()).doesNotContain("vault:p12");
    }

    @Test
    void pkcs12PasswordGivenLiterallyIsNotEchoed() {
        writeKeyStore();

        CliRun.Result result = CliRun.in(directory).run("header", "pkcs12-key", "--pkcs12", "secrets.p12", "--pkcs12-password-ref", KEYSTORE_PASSWORD);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("The keystore password ref (from --pkcs12-password-ref) is not a secret ref");
        assertThat(result.all()).doesNotContain(KEYSTORE_PASSWORD);
    }

    @Test
    void commandOptionBeatsGlobalOption() {
        writeKeyFileVault();

        CliRun.Result result = CliRun.in(directory)
                .run("--vault", "missing.vault", "header", "vault-basic", "--vault", "secrets.vault", "--vault-key-file", "vault.key");

        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    private void writeKeyFileVault() {
        SecretFiles.keyFile(directory.resolve("vault.key"));
        CliRun cli = CliRun.in(directory).withVariables(Map.of("HTTPAUTH_VAULT", "secrets.vault", "HTTPAUTH_VAULT_KEY_FILE", "vault.key"));
        assertThat(cli.withInput(services.basicPassword()).run("secrets", "set", "basic-password", "--create").exitCode()).isZero();
        assertThat(cli.withInput(services.clientSecret()).run("secrets", "set", "client-secret").exitCode()).isZero();
    }

    private void writeKeyStore() {
        SecretFiles.pkcs12(directory.resolve("secrets.p12"), KEYSTORE_PASSWORD, Map.of("api-key", services.apiKey()));
    }
}
