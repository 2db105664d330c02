package dev.httpauth.adapters.store;

import dev.httpauth.adapters.store.plugin.BasicImpostorProvider;
import dev.httpauth.adapters.store.plugin.MalformedProvider;
import dev.httpauth.adapters.store.plugin.RivalWebhookSigningProvider;
import dev.httpauth.adapters.store.plugin.WebhookSigningProvider;
import dev.httpauth.domain.model.Basic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionFileFormatTest {

    @Test
    void builtInFormatHasThreeTypes() {
        assertThat(ConnectionFileFormat.builtIn().typeIds()).containsExactly("api-key", "basic", "oauth2-client-credentials");
    }

    @Test
    void pluginTypeIsAddedInOrder() {
        ConnectionFileFormat format = ConnectionFileFormat.withPlugins(List.of(new WebhookSigningProvider()));

        assertThat(format.typeIds()).containsExactly("api-key", "basic", "oauth2-client-credentials", "webhook-signing");
    }

    @Test
    void sameProviderClassTwiceCountsOnce() {
        ConnectionFileFormat format = ConnectionFileFormat.withPlugins(List.of(new WebhookSigningProvider(), new WebhookSigningProvider()));

        assertThat(format.typeIds()).contains("webhook-signing");
    }

    @Test
    void typeIdClashNamesBothJars() {
        assertThatThrownBy(() -> ConnectionFileFormat.withPlugins(List.of(new WebhookSigningProvider(), new RivalWebhookSigningProvider())))
                .isInstanceOfSatisfying(InvalidPluginException.class, e -> assertThat(e.problems()).hasSize(1))
                .hasMessageContaining("Two plugins provide the auth method type 'webhook-signing'")
                .hasMessageContaining(WebhookSigningProvider.class.getName() + " (" + CodeLocations.of(WebhookSigningProvider.class) + ")")
                .hasMessageContaining(RivalWebhookSigningProvider.class.getName() + " (" + CodeLocations.of(RivalWebhookSigningProvider.class) + ")")
                .hasMessageContaining("Remove one of them from the class path");
    }

    @Test
    void builtInTypeIdCannotBeClaimed() {
        assertThatThrownBy(() -> ConnectionFileFormat.withPlugins(List.of(new BasicImpostorProvider())))
                .isInstanceOf(InvalidPluginException.class)
                .hasMessageContaining("The plugin " + BasicImpostorProvider.class.getName())
                .hasMessageContaining("provides the auth method type 'basic', which is the built-in method " + Basic.class.getName()
                        + " (" + CodeLocations.of(Basic.class) + ")");
    }

    @Test
    void malformedProviderReportsEveryProblem() {
        assertThatThrownBy(() -> ConnectionFileFormat.withPlugins(List.of(new MalformedProvider(), new BasicImpostorProvider())))
                .isInstanceOfSatisfying(InvalidPluginException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessageStartingWith("Auth method plugins cannot be installed:")
                .hasMessageContaining("has the type id 'Malformed', which is not valid")
                .hasMessageContaining("has the configuration type " + MalformedProvider.NotARecord.class.getName() + ", which is not a record")
                .hasMessageContaining("'basic'");
    }

    @Test
    void codeLocationNamesJarOrDirectory() {
        assertThat(CodeLocations.of(WebhookSigningProvider.class)).startsWith("file:").endsWith("/test-classes/");
        assertThat(CodeLocations.of(String.class)).isEqualTo(CodeLocations.UNKNOWN);
    }
}
