package dev.httpauth.adapters.store.plugin;

import dev.httpauth.domain.spi.AuthMethodProvider;

/** A broken plugin whose type id differs from the one its configuration record reports. */
public final class MismatchedTypeIdProvider implements AuthMethodProvider<WebhookSigning> {

    @Override
    public String typeId() {
        return "webhook-signing-v2";
    }

    @Override
    public Class<WebhookSigning> configurationType() {
        return WebhookSigning.class;
    }
}
