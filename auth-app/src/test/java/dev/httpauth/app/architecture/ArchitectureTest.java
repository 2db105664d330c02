package dev.httpauth.app.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.httpauth.archrules.HttpAuthArchitecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JODATIME;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the module layering and coding rules of httpauth against the production classes of
 * every module. The other modules reach this test as jars on the test class path, so the import
 * is by package, and {@link #importHoldsEveryModule} makes sure that every module was found.
 *
 * <p>NOTE: the rules run from plain JUnit Jupiter tests rather than as {@code @ArchTest} fields,
 * because maven-surefire-plugin 3.5.3 silently ran no {@code @ArchTest} field (3.5.4 and later
 * run them), and a plain test fails under any version.
 */
class ArchitectureTest {

    /**
     * The production classes of all modules. Test classes of this module are left out, and so are
     * the ArchUnit rules of httpauth-archrules, a test dependency that is no part of the runtime.
     */
    private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/dev/httpauth/archrules/"))
            .importPackages("dev.httpauth");

    static final ArchRule MODULES_FOLLOW_LAYERS = HttpAuthArchitecture.moduleLayers("dev.httpauth")
            .because("the domain must not learn which adapter serves it, adapters must not depend on each other, "
                    + "and only the application wires them together");

    static final ArchRule ADAPTERS_USE_ONLY_THEIR_LIBRARIES = classes()
            .that().resideInAPackage("dev.httpauth.adapters..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "javax.crypto..",
                    "javax.net.ssl..",
                    "javax.security.auth..",
                    "io.vavr..",
                    "tools.jackson..",
                    "org.snakeyaml.engine..",
                    "com.fasterxml.jackson.annotation..",
                    "org.slf4j..",
                    "org.bouncycastle..",
                    "dev.httpauth.domain..",
                    "dev.httpauth.adapters..")
            .because("adapters use the JDK, Jackson with its YAML parser SnakeYAML Engine, SLF4J and, for key derivation, "
                    + "Bouncy Castle, while Guice, picocli and the logging backend belong to the application");

    static final ArchRule LIBRARIES_DO_NOT_WRITE_STANDARD_STREAMS = noClasses()
            .that().resideInAnyPackage("dev.httpauth.domain..", "dev.httpauth.adapters..")
            .should(ACCESS_STANDARD_STREAMS)
            .because("the domain publishes events and adapters log through SLF4J; only the command line writes output");

    static final ArchRule NO_JAVA_UTIL_LOGGING = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("httpauth logs through SLF4J, so that the host chooses the logging backend");

    static final ArchRule NO_JODA_TIME = NO_CLASSES_SHOULD_USE_JODATIME
            .because("time comes from java.time and an injected Clock");

    static final ArchRule NO_FIELD_INJECTION = NO_CLASSES_SHOULD_USE_FIELD_INJECTION
            .because("Guice wires through constructors, so that every dependency is final and visible");

    @ParameterizedTest
    @ValueSource(strings = {
            "dev.httpauth.domain.model",
            "dev.httpauth.domain.port.out",
            "dev.httpauth.domain.service",
            "dev.httpauth.domain.spi",
            "dev.httpauth.adapters.http",
            "dev.httpauth.adapters.store",
            "dev.httpauth.testkit",
            "dev.httpauth.app"
    })
    void importHoldsEveryModule(String packageName) {
        long classesInPackage = PRODUCTION_CLASSES.stream().filter(javaClass -> javaClass.getPackageName().startsWith(packageName)).count();

        assertThat(classesInPackage).as("production classes in %s", packageName).isPositive();
    }

    @Test
    void importHoldsNoTestClasses() {
        assertThat(PRODUCTION_CLASSES.stream().map(JavaClass::getName))
                .noneMatch(name -> name.endsWith("Test") || name.startsWith("dev.httpauth.app.architecture") || name.startsWith("dev.httpauth.archrules"));
    }

    @Test
    void modulesFollowLayers() {
        MODULES_FOLLOW_LAYERS.check(PRODUCTION_CLASSES);
    }

    @Test
    void adaptersUseOnlyTheirLibraries() {
        ADAPTERS_USE_ONLY_THEIR_LIBRARIES.check(PRODUCTION_CLASSES);
    }

    @Test
    void librariesDoNotWriteStandardStreams() {
        LIBRARIES_DO_NOT_WRITE_STANDARD_STREAMS.check(PRODUCTION_CLASSES);
    }

    @Test
    void noJavaUtilLogging() {
        NO_JAVA_UTIL_LOGGING.check(PRODUCTION_CLASSES);
    }

    @Test
    void noJodaTime() {
        NO_JODA_TIME.check(PRODUCTION_CLASSES);
    }

    @Test
    void noFieldInjection() {
        NO_FIELD_INJECTION.check(PRODUCTION_CLASSES);
    }
}
