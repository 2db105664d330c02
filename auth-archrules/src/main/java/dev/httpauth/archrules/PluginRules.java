package dev.httpauth.archrules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/**
 * The rules an auth method plugin should pass, checked against the plugin's production classes:
 *
 * <pre>{@code
 * @Test
 * void pluginFollowsHttpAuthRules() {
 *     PluginRules.ALL.check(PluginRules.productionClassesOf("com.example.httpauth.hmac"));
 * }
 * }</pre>
 *
 * <p>Each rule is also a constant of its own, for builds that check them one by one or with
 * ArchUnit's JUnit 5 engine ({@code @ArchTest}). The rules name httpauth's types by their fully
 * qualified names, so this artifact depends on ArchUnit only.
 */
public final class PluginRules {

    static final String CUSTOM_AUTH_METHOD = "dev.httpauth.domain.model.CustomAuthMethod";
    static final String AUTH_METHOD_PROVIDER = "dev.httpauth.domain.spi.AuthMethodProvider";
    static final String AUTHORIZATION_CONTEXT = "dev.httpauth.domain.model.AuthorizationContext";
    static final String OUTGOING_REQUEST = "dev.httpauth.domain.model.OutgoingRequest";

    /** The parts of httpauth that a plugin must not use: everything except the domain model, the errors and the SPI. */
    static final List<String> INTERNAL_PACKAGES = List.of(
            "dev.httpauth.adapters..",
            "dev.httpauth.app..",
            "dev.httpauth.testkit..",
            "dev.httpauth.domain.service..",
            "dev.httpauth.domain.port..");

    /** The words of a field name that mark secret material. */
    static final Set<String> SECRET_WORDS = Set.of("secret", "secrets", "password", "passphrase", "key", "token", "credential", "credentials");

    /** The last words of a field name that mark data about a secret rather than the secret, such as {@code keyId}. */
    static final Set<String> METADATA_WORDS = Set.of(
            "id", "name", "header", "parameter", "field", "prefix", "type", "algorithm", "length", "size", "format", "url", "uri", "endpoint");

    /** The types that would keep a secret as plain text, also inside {@code Optional} or a collection. */
    static final List<Class<?>> PLAIN_TEXT_TYPES = List.of(String.class, CharSequence.class, StringBuilder.class, char[].class, byte[].class);

    public static final ArchRule PLUGINS_USE_ONLY_DOMAIN_API = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(INTERNAL_PACKAGES.toArray(String[]::new))
            .because("a plugin is loaded into hosts that wire httpauth in their own way, so it may use dev.httpauth.domain.model,"
                    + " dev.httpauth.domain.error and dev.httpauth.domain.spi but no adapter, application, service or port class");

    public static final ArchRule SECRETS_ONLY_IN_SECRET_TYPES = noFields()
            .that().areDeclaredInClassesThat(implementPluginApiOrAreNestedInSuch())
            .and(haveSecretName())
            .should(holdPlainText())
            .allowEmptyShould(true)
            .because("a secret belongs in a SecretRef field of the configuration, resolved to a Secret only for a request,"
                    + " so that it never lands in a connections file, a toString or a log line");

    public static final ArchRule CONFIGURATIONS_ARE_RECORDS = classes()
            .that().implement(CUSTOM_AUTH_METHOD).and().areNotInterfaces()
            .should(beRecords())
            .because("httpauth binds the auth object of a connections file to the configuration record's components"
                    + " and writes the JSON Schema of the file from them");

    public static final ArchRule CONFIGURATIONS_IMPLEMENT_AUTHORIZE = classes()
            .that().implement(CUSTOM_AUTH_METHOD).and().areNotInterfaces()
            .should(declareAuthorize())
            .because("CustomAuthMethod's default authorize methods throw UnsupportedOperationException"
                    + " unless one of them is implemented");

    public static final ArchRule PROVIDERS_ARE_SERVICE_LOADABLE = classes()
            .that().implement(AUTH_METHOD_PROVIDER).and().areNotInterfaces()
            .should(beServiceLoadable())
            .because("httpauth finds providers with java.util.ServiceLoader, which needs a public class with a public"
                    + " constructor without parameters");

    /** Every rule of this class, checked together so that one run reports every violation. */
    public static final ArchRule ALL = CompositeArchRule.of(PLUGINS_USE_ONLY_DOMAIN_API)
            .and(SECRETS_ONLY_IN_SECRET_TYPES)
            .and(CONFIGURATIONS_ARE_RECORDS)
            .and(CONFIGURATIONS_IMPLEMENT_AUTHORIZE)
            .and(PROVIDERS_ARE_SERVICE_LOADABLE);

    private PluginRules() {
    }

    /**
     * Imports the classes of {@code packages} from the class path, leaving out test classes (those
     * under a {@code test-classes} directory or in a test jar), which may use httpauth's
     * application to run the plugin end to end.
     */
    public static JavaClasses productionClassesOf(String... packages) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(packages);
    }

    private static DescribedPredicate<JavaClass> implementPluginApiOrAreNestedInSuch() {
        return DescribedPredicate.describe("implement CustomAuthMethod or AuthMethodProvider, or are nested in such a class",
                PluginRules::implementsPluginApiOrIsNestedInSuch);
    }

    private static boolean implementsPluginApiOrIsNestedInSuch(JavaClass type) {
        if (type.isAssignableTo(CUSTOM_AUTH_METHOD) || type.isAssignableTo(AUTH_METHOD_PROVIDER)) {
            return true;
        }
        return type.getEnclosingClass().map(PluginRules::implementsPluginApiOrIsNestedInSuch).orElse(false);
    }

    private static DescribedPredicate<JavaField> haveSecretName() {
        return DescribedPredicate.describe("have a name with one of the words " + sorted(SECRET_WORDS)
                        + ", unless its last word is one of " + sorted(METADATA_WORDS),
                field -> isSecretName(field.getName()));
    }

    /**
     * Tells whether {@code name}, split into words at upper-case letters, digits and underscores,
     * contains a secret word and does not end with a metadata word. {@code apiKey} and
     * {@code CLIENT_SECRET} are secret names, {@code keyId} and {@code tokenHeader} are not.
     */
    static boolean isSecretName(String name) {
        List<String> words = List.of(name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[_0-9]+"));
        return words.stream().anyMatch(SECRET_WORDS::contains) && !METADATA_WORDS.contains(words.getLast());
    }

    private static ArchCondition<JavaField> holdPlainText() {
        String typeNames = String.join(", ", PLAIN_TEXT_TYPES.stream().map(Class::getSimpleName).toList());
        return new ArchCondition<>("have a type that keeps text as it is (" + typeNames + "), also inside Optional or a collection") {
            @Override
            public void check(JavaField field, ConditionEvents events) {
                boolean plainText = holdsPlainText(field.getType());
                events.add(new SimpleConditionEvent(field, plainText, "field " + field.getFullName() + " has the type "
                        + field.getType().getName() + (plainText ? "; store a SecretRef instead" : "")
                        + " in " + field.getSourceCodeLocation()));
            }
        };
    }

    private static boolean holdsPlainText(JavaType type) {
        JavaClass erasure = type.toErasure();
        if (PLAIN_TEXT_TYPES.stream().anyMatch(erasure::isEquivalentTo)) {
            return true;
        }
        if (type instanceof JavaParameterizedType parameterized) {
            return parameterized.getActualTypeArguments().stream().anyMatch(PluginRules::holdsPlainText);
        }
        return false;
    }

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                events.add(new SimpleConditionEvent(type, type.isRecord(), type.getName()
                        + (type.isRecord() ? " is a record" : " is not a record; declare it as a record whose components are the fields")
                        + " in " + type.getSourceCodeLocation()));
            }
        };
    }

    private static ArchCondition<JavaClass> declareAuthorize() {
        return new ArchCondition<>("implement authorize(AuthorizationContext) or authorize(OutgoingRequest, Map)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean implemented = type.getAllMethods().stream().anyMatch(PluginRules::isImplementedAuthorize);
                events.add(new SimpleConditionEvent(type, implemented, type.getName()
                        + (implemented ? " implements authorize" : " implements neither authorize method") + " in " + type.getSourceCodeLocation()));
            }
        };
    }

    private static boolean isImplementedAuthorize(JavaMethod method) {
        if (!method.getName().equals("authorize") || method.getOwner().getName().equals(CUSTOM_AUTH_METHOD)
                || method.getModifiers().contains(JavaModifier.ABSTRACT)) {
            return false;
        }
        List<String> parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toList();
        return parameters.equals(List.of(AUTHORIZATION_CONTEXT)) || parameters.equals(List.of(OUTGOING_REQUEST, "java.util.Map"));
    }

    private static ArchCondition<JavaClass> beServiceLoadable() {
        return new ArchCondition<>("be public with a public constructor without parameters") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                boolean publicClass = type.getModifiers().contains(JavaModifier.PUBLIC) && !type.getModifiers().contains(JavaModifier.ABSTRACT);
                boolean publicNoArgConstructor = type.getConstructors().stream().anyMatch(PluginRules::isPublicWithoutParameters);
                boolean loadable = publicClass && publicNoArgConstructor;
                String problem = " can be loaded";
                if (!publicClass) {
                    problem = " is not a public concrete class";
                } else if (!publicNoArgConstructor) {
                    problem = " has no public constructor without parameters";
                }
                events.add(new SimpleConditionEvent(type, loadable, type.getName() + problem + " in " + type.getSourceCodeLocation()));
            }
        };
    }

    private static boolean isPublicWithoutParameters(JavaConstructor constructor) {
        return constructor.getModifiers().contains(JavaModifier.PUBLIC) && constructor.getRawParameterTypes().isEmpty();
    }

    private static String sorted(Set<String> words) {
        return words.stream().sorted().toList().toString();
    }
}
