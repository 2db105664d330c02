package dev.httpauth.archrules;

import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The hexagonal module layering of httpauth, which httpauth's own build checks. A product that
 * copies the module layout below another root package can check it with the same rule.
 */
public final class HttpAuthArchitecture {

    public static final String DOMAIN_MODEL = "Domain model";
    public static final String DOMAIN_SERVICES = "Domain services and ports";
    public static final String HTTP_ADAPTER = "HTTP adapter";
    public static final String STORE_ADAPTER = "Store adapter";
    public static final String TESTKIT = "Testkit";
    public static final String APPLICATION = "Application";

    private HttpAuthArchitecture() {
    }

    /**
     * Returns the layering below {@code root}, such as {@code dev.httpauth}. The domain model,
     * with the errors and the plugin SPI, is at the center. Then come the domain services and
     * ports, one layer per adapter module and the testkit, and the application outermost. Every
     * class below {@code root} must belong to a layer, and no layer may be empty, so that a
     * misspelled package cannot make the rule pass without checking anything.
     */
    public static LayeredArchitecture moduleLayers(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer(DOMAIN_MODEL).definedBy(root + ".domain.model..", root + ".domain.error..", root + ".domain.spi..")
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
