package com.example.plugin.good;

import dev.httpauth.domain.spi.AuthMethodProvider;

/** A provider that ServiceLoader can create. */
public final class GoodSigningProvider implements AuthMethodProvider<GoodSigning> {

    @Override
    public String typeId() {
        return GoodSigning.TYPE_ID;
    }

    @Override
    public Class<GoodSigning> configurationType() {
        return GoodSigning.class;
    }
}
