package dev.httpauth.adapters.store.plugin;

import dev.httpauth.domain.spi.AuthMethodProvider;

/** A second plugin that claims the type id of {@link WebhookSigningProvider}. */
public final class RivalWebhookSigningProvider implements AuthMethodProvider<WebhookSigning> {

    @Override
    public String typeId() {
        return WebhookSigning.TYPE_ID;
    }

    @Override
    public Class<WebhookSigning> configurationType() {
        return WebhookSigning.class;
    }
}
