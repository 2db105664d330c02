package dev.httpauth.adapters.store;

import java.security.CodeSource;
import java.security.ProtectionDomain;

/** Names the jar or directory a class was loaded from, for messages about plugins. */
final class CodeLocations {

    static final String UNKNOWN = "unknown location";

    private CodeLocations() {
    }

    /** Returns the location of {@code type}'s code source, such as {@code file:/opt/plugins/hmac.jar}, or {@value #UNKNOWN}. */
    static String of(Class<?> type) {
        ProtectionDomain domain = type.getProtectionDomain();
        CodeSource source = domain == null ? null : domain.getCodeSource();
        if (source == null || source.getLocation() == null) {
            return UNKNOWN;
        }
        return source.getLocation().toString();
    }

    /** Describes {@code type} with its location, such as {@code com.example.HmacProvider (file:/opt/plugins/hmac.jar)}. */
    static String describe(Class<?> type) {
        return type.getName() + " (" + of(type) + ")";
    }
}
