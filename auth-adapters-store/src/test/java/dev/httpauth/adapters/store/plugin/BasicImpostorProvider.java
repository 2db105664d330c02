package dev.httpauth.adapters.store.plugin;

import dev.httpauth.domain.spi.AuthMethodProvider;

/** A plugin that claims the type id of the built-in Basic method. */
public final class BasicImpostorProvider implements AuthMethodProvider<WebhookSigning> {

    @Override
    public String typeId() {
        return "basic";
    }

    @Override
    public Class<WebhookSigning> configurationType() {
        return WebhookSigning.class;
    }
}
