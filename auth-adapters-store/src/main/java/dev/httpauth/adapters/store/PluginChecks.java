package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.spi.AuthMethodProvider;

import java.util.ArrayList;
import java.util.List;

/** The messages for plugins that cannot be installed, each naming the provider class and its jar. */
final class PluginChecks {

    private PluginChecks() {
    }

    /** Returns what is wrong with {@code provider} on its own: its type id or its configuration type. */
    static List<String> problems(AuthMethodProvider<?> provider) {
        List<String> problems = new ArrayList<>();
        String name = CodeLocations.describe(provider.getClass());
        String typeId = provider.typeId();
        Class<?> type = provider.configurationType();
        if (typeId == null || !ConnectionFileFormat.TYPE_ID.matcher(typeId).matches()) {
            problems.add("The plugin " + name + " has the type id " + (typeId == null ? "null" : "'" + JsonPaths.printable(typeId) + "'")
                    + ", which is not valid: a type id starts with a lower-case letter, followed by lower-case letters, digits, '.' or '-'");
        }
        if (type == null || !type.isRecord() || !CustomAuthMethod.class.isAssignableFrom(type)) {
            problems.add("The plugin " + name + " has the configuration type " + (type == null ? "null" : type.getName())
                    + ", which is not a record implementing " + CustomAuthMethod.class.getName()
                    + ": the connections file binds auth objects to records only");
        }
        return problems;
    }

    /** Describes two providers with the same type id. */
    static String pluginClash(String typeId, AuthMethodProvider<?> first, AuthMethodProvider<?> second) {
        return "Two plugins provide the auth method type '" + typeId + "': " + CodeLocations.describe(first.getClass())
                + " and " + CodeLocations.describe(second.getClass())
                + ". Remove one of them from the class path, or change the type id of one";
    }

    /** Describes a provider whose type id is that of a built-in method. */
    static String builtInClash(String typeId, AuthMethodProvider<?> provider, Class<?> builtIn) {
        return "The plugin " + CodeLocations.describe(provider.getClass()) + " provides the auth method type '" + typeId
                + "', which is the built-in method " + CodeLocations.describe(builtIn)
                + ". Change the plugin's type id: built-in type ids cannot be replaced";
    }
}
