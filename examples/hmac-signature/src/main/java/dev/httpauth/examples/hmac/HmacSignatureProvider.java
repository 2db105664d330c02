package dev.httpauth.examples.hmac;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Text;
import dev.httpauth.domain.spi.AuthMethodProvider;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

import java.util.Locale;
import java.util.Optional;

/**
 * Adds the {@code hmac-signature} auth method to httpauth. Registered for
 * {@link java.util.ServiceLoader} in {@code META-INF/services/dev.httpauth.domain.spi.AuthMethodProvider}.
 */
public final class HmacSignatureProvider implements AuthMethodProvider<HmacSignature> {

    @Override
    public String typeId() {
        return HmacSignature.TYPE_ID;
    }

    @Override
    public Class<HmacSignature> configurationType() {
        return HmacSignature.class;
    }

    /** Checks that both header names are valid and differ, reporting both problems at once. */
    @Override
    public Validation<Seq<ConfigProblem>, HmacSignature> validate(HmacSignature configuration) {
        Seq<ConfigProblem> problems = List.<ConfigProblem>empty()
                .appendAll(headerNameProblem("header", configuration.header()).stream().toList())
                .appendAll(headerNameProblem("timestampHeader", configuration.timestampHeader()).stream().toList());
        if (configuration.signatureHeaderName().toLowerCase(Locale.ROOT).equals(configuration.timestampHeaderName().toLowerCase(Locale.ROOT))) {
            problems = problems.append(new ConfigProblem("timestampHeader", "'" + configuration.timestampHeaderName()
                    + "' is also the signature header: give the timestamp a header of its own, such as "
                    + HmacSignature.DEFAULT_TIMESTAMP_HEADER));
        }
        return problems.isEmpty() ? Validation.valid(configuration) : Validation.invalid(problems);
    }

    private static Optional<ConfigProblem> headerNameProblem(String field, Optional<String> name) {
        return name.filter(value -> !Text.isToken(value))
                .map(value -> new ConfigProblem(field, "'" + printable(value)
                        + "' is not a valid header name: use letters, digits and !#$%&'*+-.^_`|~ only (an RFC 9110 token)"));
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(Text.isControlCharacter(c) ? Text.codePoint(c) : String.valueOf(c));
        }
        return out.toString();
    }
}
