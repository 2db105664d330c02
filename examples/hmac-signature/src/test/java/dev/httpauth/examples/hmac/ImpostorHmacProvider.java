package dev.httpauth.examples.hmac;

import dev.httpauth.domain.spi.AuthMethodProvider;

/** A second plugin, from the test class path, that claims the type id of {@link HmacSignatureProvider}. */
public final class ImpostorHmacProvider implements AuthMethodProvider<HmacSignature> {

    @Override
    public String typeId() {
        return HmacSignature.TYPE_ID;
    }

    @Override
    public Class<HmacSignature> configurationType() {
        return HmacSignature.class;
    }
}
