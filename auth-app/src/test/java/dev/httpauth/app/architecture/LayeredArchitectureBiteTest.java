package dev.httpauth.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.httpauth.archrules.HttpAuthArchitecture;
import dev.httpauth.app.architecture.fixture.adapters.http.HttpPriceSource;
import dev.httpauth.app.architecture.fixture.adapters.http.HttpSourceReadingStore;
import dev.httpauth.app.architecture.fixture.adapters.store.StoreCallingApp;
import dev.httpauth.app.architecture.fixture.adapters.store.StoredPriceSource;
import dev.httpauth.app.architecture.fixture.app.PriceApp;
import dev.httpauth.app.architecture.fixture.domain.model.Amount;
import dev.httpauth.app.architecture.fixture.domain.model.AmountParsedByAdapter;
import dev.httpauth.app.architecture.fixture.domain.port.PriceSource;
import dev.httpauth.app.architecture.fixture.domain.service.PriceService;
import dev.httpauth.app.architecture.fixture.domain.service.ServiceUsingTestkit;
import dev.httpauth.app.architecture.fixture.stray.Unlayered;
import dev.httpauth.app.architecture.fixture.testkit.PriceServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks the layering that {@link ArchitectureTest} applies to {@code dev.httpauth}, the rule that
 * httpauth-archrules ships, against a miniature of the module layout. It shows that the rule
 * accepts the allowed dependencies and rejects each kind of forbidden one.
 */
class LayeredArchitectureBiteTest {

    private static final ArchRule FIXTURE_LAYERS = HttpAuthArchitecture.moduleLayers("dev.httpauth.app.architecture.fixture");

    /** One class per layer, each using only what the layering allows. */
    private static final List<Class<?>> CLEAN_CLASSES = List.of(
            Amount.class,
            PriceSource.class,
            PriceService.class,
            HttpPriceSource.class,
            StoredPriceSource.class,
            PriceServer.class,
            PriceApp.class);

    private static JavaClasses cleanClassesAnd(Class<?>... extra) {
        List<Class<?>> classes = new ArrayList<>(CLEAN_CLASSES);
        classes.addAll(List.of(extra));
        return new ClassFileImporter().importClasses(classes);
    }

    @Test
    void cleanLayoutPasses() {
        JavaClasses clean = cleanClassesAnd();

        assertThatCode(() -> FIXTURE_LAYERS.check(clean)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(classes = {
            HttpSourceReadingStore.class,
            AmountParsedByAdapter.class,
            StoreCallingApp.class,
            ServiceUsingTestkit.class,
            Unlayered.class
    })
    void forbiddenDependencyFails(Class<?> violator) {
        JavaClasses withViolator = cleanClassesAnd(violator);

        assertThatThrownBy(() -> FIXTURE_LAYERS.check(withViolator))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Rule 'Layered architecture")
                .hasMessageContaining(violator.getName());
    }

    @Test
    void emptyLayerFails() {
        JavaClasses withoutTestkit = new ClassFileImporter().importClasses(
                CLEAN_CLASSES.stream().filter(type -> type != PriceServer.class).toList());

        assertThatThrownBy(() -> FIXTURE_LAYERS.check(withoutTestkit))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Layer '" + HttpAuthArchitecture.TESTKIT + "' is empty");
    }
}
