package dev.httpauth.domain.spi;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.CustomAuthMethod;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/**
 * Adds an auth method to httpauth. This is the service provider interface of plugins.
 *
 * <p>A provider names the method's type id and its configuration record. When the framework reads
 * a connections file, it binds every {@code auth} object whose {@code type} is {@link #typeId()} to
 * {@link #configurationType()}, reports unknown and missing fields and malformed secret refs, then
 * calls {@link #validate}. The record computes the credentials of each request in
 * {@link CustomAuthMethod#authorize(dev.httpauth.domain.model.AuthorizationContext)}.
 *
 * <p>The framework finds providers with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.httpauth.domain.spi.AuthMethodProvider} and give it a public
 * constructor without parameters. Guice hosts may bind providers with a {@code Multibinder}
 * instead. A type id that another provider or a built-in method ({@code basic}, {@code api-key},
 * {@code oauth2-client-credentials}) already uses stops the start-up.
 *
 * <p>Implementations are stateless and thread-safe.
 *
 * @param <C> the configuration record
 */
public interface AuthMethodProvider<C extends CustomAuthMethod> {

    /**
     * The value of the {@code type} field that selects this method, such as {@code hmac-signature}:
     * a lower-case letter followed by lower-case letters, digits, {@code '.'} or {@code '-'}. It must
     * equal {@code typeId()} of every configuration the record describes.
     */
    String typeId();

    /**
     * The configuration record. Its components are the fields of the {@code auth} object: a
     * component of type {@code Optional} may be left out, every other component is required, and a
     * {@code SecretRef} component accepts only a secret ref such as {@code env:NAME}.
     */
    Class<C> configurationType();

    /**
     * Checks a configuration that was bound without problems, reporting every problem at once.
     * Paths are relative to the {@code auth} object, such as {@code header}. Each message states how
     * to fix the value and never contains a secret. The default accepts every configuration.
     *
     * @return the configuration, possibly normalized, or every problem found
     */
    default Validation<Seq<ConfigProblem>, C> validate(C configuration) {
        return Validation.valid(configuration);
    }
}
