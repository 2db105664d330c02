package dev.httpauth.adapters.store.plugin;

import dev.httpauth.domain.spi.AuthMethodProvider;

/** Provides {@link TypedFields} without validation of its own. */
public final class TypedFieldsProvider implements AuthMethodProvider<TypedFields> {

    @Override
    public String typeId() {
        return TypedFields.TYPE_ID;
    }

    @Override
    public Class<TypedFields> configurationType() {
        return TypedFields.class;
    }
}
