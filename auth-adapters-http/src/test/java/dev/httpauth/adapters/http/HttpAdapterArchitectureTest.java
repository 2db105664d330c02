package dev.httpauth.adapters.http;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class HttpAdapterArchitectureTest {

    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.httpauth.adapters.http");

    private static final ArchRule ONLY_ADAPTER_API_IS_PUBLIC = classes()
            .that().arePublic()
            .should().haveSimpleName("TokenEndpointClient")
            .orShould().haveSimpleName("TokenEndpointSettings")
            .orShould().haveSimpleName("AuthorizingHttpClient")
            .orShould().haveSimpleName("AuthorizationFailedException")
            .because("the rest of the adapter is an implementation detail that callers must not depend on");

    private static final ArchRule DEPENDS_ONLY_ON_DOMAIN_JACKSON_SLF4J_AND_JDK = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.httpauth.adapters.http..", "dev.httpauth.domain..", "tools.jackson..", "org.slf4j..", "io.vavr..",
                    "java..", "javax.net.ssl..")
            .because("the HTTP adapter may use the domain, Jackson, SLF4J and the JDK only");

    @Test
    void onlyAdapterApiIsPublic() {
        ONLY_ADAPTER_API_IS_PUBLIC.check(ADAPTER);
    }

    @Test
    void dependsOnlyOnAllowedLibraries() {
        DEPENDS_ONLY_ON_DOMAIN_JACKSON_SLF4J_AND_JDK.check(ADAPTER);
    }
}
