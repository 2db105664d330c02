package dev.httpauth.adapters.store.plugin;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Text;
import dev.httpauth.domain.spi.AuthMethodProvider;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provides {@link WebhookSigning}. Its validation rejects a header name that is not a token and a
 * blank key id, and writes the key id in lower case, so that tests can see the normalized result.
 */
public final class WebhookSigningProvider implements AuthMethodProvider<WebhookSigning> {

    private final AtomicInteger validations = new AtomicInteger();

    @Override
    public String typeId() {
        return WebhookSigning.TYPE_ID;
    }

    @Override
    public Class<WebhookSigning> configurationType() {
        return WebhookSigning.class;
    }

    @Override
    public Validation<Seq<ConfigProblem>, WebhookSigning> validate(WebhookSigning configuration) {
        validations.incrementAndGet();
        List<ConfigProblem> problems = List.empty();
        if (configuration.header().filter(header -> !Text.isToken(header)).isPresent()) {
            problems = problems.append(new ConfigProblem("header", "'" + configuration.header().get() + "' is not a valid header name"));
        }
        if (configuration.keyId().isBlank()) {
            problems = problems.append(new ConfigProblem("keyId", "is blank: set the key id the receiver expects"));
        }
        if (!problems.isEmpty()) {
            return Validation.invalid(problems);
        }
        return Validation.valid(new WebhookSigning(configuration.secret(), configuration.keyId().toLowerCase(Locale.ROOT),
                configuration.header(), configuration.window()));
    }

    /** Returns how often {@link #validate} ran. */
    public int validationCount() {
        return validations.get();
    }
}
