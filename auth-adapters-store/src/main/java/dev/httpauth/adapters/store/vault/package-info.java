/**
 * Secret stores that keep secrets encrypted at rest.
 *
 * <p>{@link dev.httpauth.adapters.store.vault.VaultFile} manages an encrypted vault file of named
 * secrets, and {@link dev.httpauth.adapters.store.vault.VaultSecretStore} resolves
 * {@code vault:NAME} refs from one. {@link dev.httpauth.adapters.store.vault.Pkcs12SecretStore}
 * resolves {@code pkcs12:ALIAS} refs from the secret key entries of a PKCS#12 keystore.
 */
package dev.httpauth.adapters.store.vault;
