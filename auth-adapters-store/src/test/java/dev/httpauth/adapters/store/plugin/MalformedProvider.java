package dev.httpauth.adapters.store.plugin;

import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.model.RequestCredentials;
import dev.httpauth.domain.model.Secret;
import dev.httpauth.domain.model.SecretRef;
import dev.httpauth.domain.spi.AuthMethodProvider;

import java.util.Map;

/** A plugin with an upper-case type id and a configuration class that is not a record. */
public final class MalformedProvider implements AuthMethodProvider<MalformedProvider.NotARecord> {

    /** A configuration class that Jackson could not bind by record components. */
    public static final class NotARecord implements CustomAuthMethod {

        @Override
        public String typeId() {
            return "Malformed";
        }

        @Override
        public Map<String, SecretRef> secretRefs() {
            return Map.of();
        }

        @Override
        public RequestCredentials authorize(OutgoingRequest request, Map<String, Secret> secrets) {
            return RequestCredentials.header("X-Malformed", Secret.of("-"));
        }
    }

    @Override
    public String typeId() {
        return "Malformed";
    }

    @Override
    public Class<NotARecord> configurationType() {
        return NotARecord.class;
    }
}
