package dev.httpauth.adapters.store;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.httpauth.adapters.store", importOptions = ImportOption.DoNotIncludeTests.class)
class StoreArchitectureTest {

    private static final String STORE_PACKAGE = "dev.httpauth.adapters.store";

    @ArchTest
    static final ArchRule onlyTheAgreedApiIsPublic = classes()
            .that().resideInAPackage(STORE_PACKAGE)
            .and().arePublic()
            .should().haveNameMatching("dev\\.httpauth\\.adapters\\.store\\."
                    + "(SecretStores|EnvSecretStore|FileSecretStore|InMemorySecretStore|ConnectionFile|InMemoryConnections"
                    + "|ConnectionFileFormat|InvalidPluginException)")
            .because("the module's public API is the secret stores, the connection repositories and the connections file format;"
                    + " helpers stay package-private");

    @ArchTest
    static final ArchRule publicApiExists = classes()
            .that().haveNameMatching("dev\\.httpauth\\.adapters\\.store\\.(SecretStores|ConnectionFile)")
            .should().bePublic()
            .because("a misspelled package would otherwise let the rule above pass without checking anything");

    @ArchTest
    static final ArchRule storeDependsOnNoOtherAdapter = noClasses()
            .that().resideInAPackage(STORE_PACKAGE + "..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.httpauth.adapters.http..", "dev.httpauth.app..")
            .because("adapters never depend on each other or on the application");
}
