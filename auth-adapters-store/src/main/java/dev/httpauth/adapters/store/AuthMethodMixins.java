package dev.httpauth.adapters.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.httpauth.domain.model.ApiKey;
import dev.httpauth.domain.model.Basic;
import dev.httpauth.domain.model.HttpAuthMethod;
import dev.httpauth.domain.model.OAuthClientCredentials;
import dev.httpauth.domain.model.TokenPolicy;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.module.SimpleModule;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The connections file format of the auth methods, written as Jackson mix-ins so that the domain
 * records carry no Jackson annotations.
 *
 * <p>The records bind through their canonical constructors, except {@link TokenPolicy}, which
 * {@link TokenPolicyDeserializer} binds. The {@code type} property selects the record, {@code scope}
 * is the file's name for {@link OAuthClientCredentials#scopes()}, and the value types (secret refs,
 * URLs, durations, numbers, enums) use {@link ConfigValueDeserializers}.
 */
final class AuthMethodMixins {

    /** The property that contains an auth method's type id. */
    static final String TYPE_PROPERTY = "type";

    /** The record each type id binds to, read from the {@link JsonSubTypes} declaration so that the two agree. */
    static final Map<String, Class<?>> TYPES = typesOf(HttpAuthMethodMixin.class);

    /**
     * The fields each object must have. The domain constructors reject a {@code null} for each of
     * them; every other field has a default.
     */
    static final Map<Class<?>, List<String>> REQUIRED_FIELDS = Map.of(
            Basic.class, List.of("username", "password"),
            ApiKey.class, List.of("in", "name", "value"),
            OAuthClientCredentials.class, List.of("tokenEndpoint", "clientId", "clientSecret"));

    /** The fields of each object that contain an object of their own, and the type of that object. */
    static final Map<Class<?>, Map<String, Class<?>>> NESTED_OBJECTS =
            Map.of(OAuthClientCredentials.class, Map.of("tokenPolicy", TokenPolicy.class));

    /** The mix-in of each domain type, which renames fields or picks their deserializer. */
    static final Map<Class<?>, Class<?>> MIXINS = Map.of(
            HttpAuthMethod.class, HttpAuthMethodMixin.class,
            OAuthClientCredentials.class, OAuthClientCredentialsMixin.class);

    private AuthMethodMixins() {
    }

    /** Adds the mix-ins, the value deserializers and the deserializer of {@code tokenPolicy} to {@code builder}. */
    static <B extends MapperBuilder<?, B>> B register(B builder) {
        return builder
                .addMixIns(MIXINS)
                .addModule(ConfigValueDeserializers.module())
                .addModule(new SimpleModule("httpauth-token-policy").addDeserializer(TokenPolicy.class, new TokenPolicyDeserializer()));
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = TYPE_PROPERTY)
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ApiKey.class, name = ApiKey.TYPE_ID),
            @JsonSubTypes.Type(value = Basic.class, name = Basic.TYPE_ID),
            @JsonSubTypes.Type(value = OAuthClientCredentials.class, name = OAuthClientCredentials.TYPE_ID)
    })
    interface HttpAuthMethodMixin {
    }

    abstract static class OAuthClientCredentialsMixin {

        @JsonProperty("scope")
        @JsonDeserialize(using = ConfigValueDeserializers.ScopeDeserializer.class)
        abstract List<String> scopes();
    }

    private static Map<String, Class<?>> typesOf(Class<?> mixin) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        Arrays.stream(mixin.getAnnotation(JsonSubTypes.class).value())
                .forEach(subtype -> types.put(subtype.name(), subtype.value()));
        return Map.copyOf(types);
    }
}
