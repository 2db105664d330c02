package dev.httpauth.app.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options that configure the PKCS#12 keystore that {@code pkcs12:} refs read. The root
 * command and the commands that read connections mix them in.
 */
final class Pkcs12Options {

    @Option(
            names = "--pkcs12",
            paramLabel = "FILE",
            description = "PKCS#12 keystore whose secret key entries pkcs12:ALIAS refs read. Default: $"
                    + CliSecretStores.PKCS12_VARIABLE + ".")
    Path keyStore;

    @Option(
            names = "--pkcs12-password-ref",
            paramLabel = "REF",
            description = "Where the keystore password is stored: env:NAME or file:/absolute/path. Default: $"
                    + CliSecretStores.PKCS12_PASSWORD_REF_VARIABLE + ".")
    String passwordRef;

    /** Returns a copy in which each option not given here is taken from {@code outer}. */
    Pkcs12Options orElse(Pkcs12Options outer) {
        Pkcs12Options merged = new Pkcs12Options();
        merged.keyStore = keyStore != null ? keyStore : outer.keyStore;
        merged.passwordRef = passwordRef != null ? passwordRef : outer.passwordRef;
        return merged;
    }
}
