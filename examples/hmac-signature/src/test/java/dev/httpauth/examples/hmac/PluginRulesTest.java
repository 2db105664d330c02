package dev.httpauth.examples.hmac;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.httpauth.archrules.PluginRules;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The plugin rules of httpauth-archrules, as every plugin build should run them. */
class PluginRulesTest {

    private static final JavaClasses PLUGIN = PluginRules.productionClassesOf("dev.httpauth.examples.hmac");

    @Test
    void importHoldsPluginClassesOnly() {
        assertThat(PLUGIN.contain(HmacSignature.class)).isTrue();
        assertThat(PLUGIN.contain(HmacSignatureProvider.class)).isTrue();
        assertThat(PLUGIN.contain(ImpostorHmacProvider.class)).isFalse();
    }

    @Test
    void pluginFollowsHttpAuthRules() {
        assertThatCode(() -> PluginRules.ALL.check(PLUGIN)).doesNotThrowAnyException();
    }
}
