package dev.httpauth.app.architecture;

import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * Builds the module layering of httpauth for a root package, so that the rule checked against the
 * production classes ({@code dev.httpauth}) is the same rule that {@code LayeredArchitectureBiteTest}
 * checks against rule-breaking classes under a fixture root.
 */
final class ArchitectureRules {

    static final String DOMAIN_MODEL = "Domain model";
    static final String DOMAIN_SERVICES = "Domain services and ports";
    static final String HTTP_ADAPTER = "HTTP adapter";
    static final String STORE_ADAPTER = "Store adapter";
    static final String TESTKIT = "Testkit";
    static final String APPLICATION = "Application";

    private ArchitectureRules() {
    }

    /**
     * Returns the layering below {@code root}: the domain model at the center, then the domain
     * services and ports, then one layer per adapter module and the testkit, and the application
     * outermost. Every class below {@code root} must belong to a layer, and no layer may be empty.
     */
    static LayeredArchitecture moduleLayers(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer(DOMAIN_MODEL).definedBy(root + ".domain.model..", root + ".domain.error..")
                .layer(DOMAIN_SERVICES).definedBy(root + ".domain.service..", root + ".domain.port..")
                .layer(HTTP_ADAPTER).definedBy(root + ".adapters.http..")
                .layer(STORE_ADAPTER).definedBy(root + ".adapters.store..")
                .layer(TESTKIT).definedBy(root + ".testkit..")
                .layer(APPLICATION).definedBy(root + ".app..")

                .whereLayer(DOMAIN_MODEL).mayNotAccessAnyLayer()
                .whereLayer(DOMAIN_MODEL).mayOnlyBeAccessedByLayers(DOMAIN_SERVICES, HTTP_ADAPTER, STORE_ADAPTER, APPLICATION)
                .whereLayer(DOMAIN_SERVICES).mayOnlyAccessLayers(DOMAIN_MODEL)
                .whereLayer(DOMAIN_SERVICES).mayOnlyBeAccessedByLayers(HTTP_ADAPTER, STORE_ADAPTER, APPLICATION)
                .whereLayer(HTTP_ADAPTER).mayOnlyBeAccessedByLayers(APPLICATION)
                .whereLayer(STORE_ADAPTER).mayOnlyBeAccessedByLayers(APPLICATION)
                .whereLayer(TESTKIT).mayOnlyBeAccessedByLayers(APPLICATION)
                .whereLayer(APPLICATION).mayNotBeAccessedByAnyLayer();
    }
}
