package dev.httpauth.archrules;

import com.example.plugin.bad.AdapterUsingMethod;
import com.example.plugin.bad.ClassBasedMethod;
import com.example.plugin.bad.HiddenProvider;
import com.example.plugin.bad.PlainSecretMethod;
import com.example.plugin.good.GoodSigning;
import com.example.plugin.good.GoodSigningProvider;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.httpauth.domain.model.AuthorizationContext;
import dev.httpauth.domain.model.CustomAuthMethod;
import dev.httpauth.domain.model.OutgoingRequest;
import dev.httpauth.domain.spi.AuthMethodProvider;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginRulesTest {

    private static final JavaClasses GOOD_PLUGIN = new ClassFileImporter().importClasses(GoodSigning.class, GoodSigningProvider.class);

    static Stream<Arguments> rulesAndViolators() {
        return Stream.of(
                violation("PLUGINS_USE_ONLY_DOMAIN_API", PluginRules.PLUGINS_USE_ONLY_DOMAIN_API, AdapterUsingMethod.class,
                        "dev.httpauth.adapters.store.InMemorySecretStore"),
                violation("SECRETS_ONLY_IN_SECRET_TYPES", PluginRules.SECRETS_ONLY_IN_SECRET_TYPES, PlainSecretMethod.class,
                        PlainSecretMethod.class.getName() + ".apiKey"),
                violation("SECRETS_ONLY_IN_SECRET_TYPES", PluginRules.SECRETS_ONLY_IN_SECRET_TYPES, PlainSecretMethod.class,
                        PlainSecretMethod.class.getName() + ".clientSecret has the type java.util.Optional<java.lang.String>"),
                violation("SECRETS_ONLY_IN_SECRET_TYPES", PluginRules.SECRETS_ONLY_IN_SECRET_TYPES, HiddenProvider.class,
                        HiddenProvider.class.getName() + ".defaultPassword"),
                violation("CONFIGURATIONS_ARE_RECORDS", PluginRules.CONFIGURATIONS_ARE_RECORDS, ClassBasedMethod.class,
                        "is not a record"),
                violation("CONFIGURATIONS_IMPLEMENT_AUTHORIZE", PluginRules.CONFIGURATIONS_IMPLEMENT_AUTHORIZE, ClassBasedMethod.class,
                        "implements neither authorize method"),
                violation("PROVIDERS_ARE_SERVICE_LOADABLE", PluginRules.PROVIDERS_ARE_SERVICE_LOADABLE, HiddenProvider.class,
                        "has no public constructor without parameters"));
    }

    private static Arguments violation(String ruleName, ArchRule rule, Class<?> violator, String detail) {
        return Arguments.of(Named.of(ruleName, rule), Named.of(violator.getSimpleName(), violator), detail);
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("rulesAndViolators")
    void ruleRejectsBadFixture(ArchRule rule, Class<?> violator, String detail) {
        JavaClasses fixture = new ClassFileImporter().importClasses(violator);

        assertThatThrownBy(() -> rule.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Rule '" + rule.getDescription() + "' was violated")
                .hasMessageContaining(violator.getName())
                .hasMessageContaining(detail);
    }

    @Test
    void everyRulePassesGoodFixture() {
        assertThatCode(() -> PluginRules.ALL.check(GOOD_PLUGIN)).doesNotThrowAnyException();
    }

    @Test
    void allRulesReportEveryViolation() {
        JavaClasses bad = new ClassFileImporter().importPackages("com.example.plugin.bad");

        assertThatThrownBy(() -> PluginRules.ALL.check(bad))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(PluginRules.PLUGINS_USE_ONLY_DOMAIN_API.getDescription())
                .hasMessageContaining(PluginRules.SECRETS_ONLY_IN_SECRET_TYPES.getDescription())
                .hasMessageContaining(PluginRules.CONFIGURATIONS_ARE_RECORDS.getDescription())
                .hasMessageContaining(PluginRules.CONFIGURATIONS_IMPLEMENT_AUTHORIZE.getDescription())
                .hasMessageContaining(PluginRules.PROVIDERS_ARE_SERVICE_LOADABLE.getDescription());
    }

    @Test
    void dependencyRuleFailsOnEmptyImport() {
        JavaClasses nothing = new ClassFileImporter().importPackages("com.example.plugin.misspelled");

        assertThatThrownBy(() -> PluginRules.PLUGINS_USE_ONLY_DOMAIN_API.check(nothing))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void productionImportLeavesOutTestClasses() {
        JavaClasses fixtures = PluginRules.productionClassesOf("com.example.plugin");
        JavaClasses rules = PluginRules.productionClassesOf("dev.httpauth.archrules");

        assertThat(fixtures).isEmpty();
        assertThat(rules.contain(PluginRules.class)).isTrue();
        assertThat(rules.contain(PluginRulesTest.class)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "apiKey, true",
            "signingKey, true",
            "CLIENT_SECRET, true",
            "password, true",
            "accessToken2, true",
            "credentials, true",
            "keyId, false",
            "tokenHeader, false",
            "TYPE_ID, false",
            "monkey, false",
            "keyboardLayout, false",
            "secretHeaderName, false"})
    void secretNameSplitsIntoWords(String name, boolean secret) {
        assertThat(PluginRules.isSecretName(name)).isEqualTo(secret);
    }

    @Test
    void typeNamesMatchDomain() {
        assertThat(List.of(PluginRules.CUSTOM_AUTH_METHOD, PluginRules.AUTH_METHOD_PROVIDER, PluginRules.AUTHORIZATION_CONTEXT, PluginRules.OUTGOING_REQUEST))
                .containsExactly(CustomAuthMethod.class.getName(), AuthMethodProvider.class.getName(),
                        AuthorizationContext.class.getName(), OutgoingRequest.class.getName());
    }
}
