package dev.httpauth.domain.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.httpauth.domain.service.AuthorizationService;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLConnection;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules that keep {@code auth-domain} free of frameworks and I/O, checked against its
 * production classes. {@link DomainArchitectureRulesBiteTest} checks the same fields against
 * classes that break them, so a rule that cannot fail is noticed.
 *
 * <p>NOTE: the rules run from plain JUnit Jupiter tests rather than as {@code @ArchTest} fields,
 * because maven-surefire-plugin 3.5.3 silently ran no {@code @ArchTest} field (3.5.4 and later
 * run them), and a plain test fails under any version.
 */
class DomainArchitectureTest {

    static final String DOMAIN = "dev.httpauth.domain..";

    /** The classes of {@code src/main}: test classes, including the rule-breaking fixtures, are left out. */
    private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.httpauth.domain");

    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_JDK_AND_VAVR = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.vavr..", DOMAIN)
            .because("the domain is plain Java plus Vavr, so that no framework or adapter technology leaks into it");

    static final ArchRule DOMAIN_DOES_NO_FILE_IO = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
            .orShould().dependOnClassesThat().belongToAnyOf(
                    File.class,
                    FileDescriptor.class,
                    FileInputStream.class,
                    FileOutputStream.class,
                    FileReader.class,
                    FileWriter.class,
                    RandomAccessFile.class)
            .because("files are read by the secret store and connection repository adapters, never by the domain");

    static final ArchRule DOMAIN_DOES_NO_NETWORK_IO = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.nio.channels..")
            .orShould().dependOnClassesThat().belongToAnyOf(
                    Socket.class,
                    ServerSocket.class,
                    DatagramSocket.class,
                    URLConnection.class,
                    HttpURLConnection.class)
            .orShould().callMethodWhere(urlConnectionCall())
            .because("the token endpoint is reached through RequestTokenPort, whose adapter owns the HTTP client");

    static final ArchRule DOMAIN_READS_NO_ENVIRONMENT_OR_SYSTEM_PROPERTIES = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().callMethodWhere(environmentOrSystemPropertyRead())
            .because("settings and secrets reach the domain through ports, so that tests and hosts control them");

    static final ArchRule DOMAIN_STARTS_NO_PROCESSES = noClasses()
            .that().resideInAPackage(DOMAIN)
            .should().dependOnClassesThat().belongToAnyOf(ProcessBuilder.class, Process.class, ProcessHandle.class, Runtime.class)
            .because("the domain computes credentials and does not control the process it runs in");

    static final ArchRule DOMAIN_WRITES_NO_STANDARD_STREAMS = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
            .because("the domain reports what happened as events through PublishAuthEventPort");

    static final ArchRule DOMAIN_USES_NO_JAVA_UTIL_LOGGING = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("the domain does not log, and adapters turn its events into log lines");

    static final ArchRule DOMAIN_THROWS_NO_GENERIC_EXCEPTIONS = NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS
            .because("expected failures are AuthError values, and a programming error deserves a specific exception type");

    static final ArchRule PORTS_ARE_INTERFACES = classes()
            .that().resideInAPackage("dev.httpauth.domain..port..")
            .should().beInterfaces()
            .because("a port is a contract that a service or adapter implements, not an implementation");

    static final ArchRule MODEL_DOES_NOT_DEPEND_ON_SERVICES_OR_PORTS = noClasses()
            .that().resideInAnyPackage("dev.httpauth.domain..model..", "dev.httpauth.domain..error..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.httpauth.domain..service..", "dev.httpauth.domain..port..")
            .because("the model and errors are the innermost ring, which services and ports build on");

    /** Guards the rules against passing on an empty or wrong import. */
    @Test
    void importHoldsDomainProductionClassesOnly() {
        Set<String> packages = PRODUCTION_CLASSES.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());

        assertThat(PRODUCTION_CLASSES.contain(AuthorizationService.class)).isTrue();
        assertThat(packages).contains(
                "dev.httpauth.domain.model",
                "dev.httpauth.domain.error",
                "dev.httpauth.domain.port.in",
                "dev.httpauth.domain.port.out",
                "dev.httpauth.domain.service",
                "dev.httpauth.domain.spi");
        assertThat(packages).noneMatch(name -> name.startsWith("dev.httpauth.domain.fixture") || name.startsWith("dev.httpauth.domain.support"));
        assertThat(PRODUCTION_CLASSES.stream().map(JavaClass::getSimpleName)).noneMatch(name -> name.endsWith("Test"));
    }

    @Test
    void domainDependsOnlyOnJdkAndVavr() {
        DOMAIN_DEPENDS_ONLY_ON_JDK_AND_VAVR.check(PRODUCTION_CLASSES);
    }

    @Test
    void domainDoesNoFileIo() {
        DOMAIN_DOES_NO_FILE_IO.check(PRODUCTION_CLASSES);
    }

    @Test
    void domainDoesNoNetworkIo() {
        DOMAIN_DOES_NO_NETWORK_IO.check(PRODUCTION_CLASSES);
    }

    @Test
    void domainReadsNoEnvironmentOrSystemProperties() {
        DOMAIN_READS_NO_ENVIRONMENT_OR_SYSTEM_PROPERTIES.check(PRODUCTION_CLASSES);
    }

    @Test
    void domainStartsNoProcesses() {
        DOMAIN_STARTS_NO_PROCESSES.check(PRODUCTION_CLASSES);
    }

    @Test
    void domainWritesNoStandardStreams() {
        DOMAIN_WRITES_NO_STANDARD_STREAMS.check(PRODUCTION_CLASSES);
    }

    @Test
    void domainUsesNoJavaUtilLogging() {
        DOMAIN_USES_NO_JAVA_UTIL_LOGGING.check(PRODUCTION_CLASSES);
    }

    @Test
    void domainThrowsNoGenericExceptions() {
        DOMAIN_THROWS_NO_GENERIC_EXCEPTIONS.check(PRODUCTION_CLASSES);
    }

    @Test
    void portsAreInterfaces() {
        PORTS_ARE_INTERFACES.check(PRODUCTION_CLASSES);
    }

    @Test
    void modelDoesNotDependOnServicesOrPorts() {
        MODEL_DOES_NOT_DEPEND_ON_SERVICES_OR_PORTS.check(PRODUCTION_CLASSES);
    }

    private static DescribedPredicate<JavaMethodCall> urlConnectionCall() {
        return DescribedPredicate.describe("URL.openConnection, URL.openStream or URL.getContent",
                call -> call.getTargetOwner().isEquivalentTo(URL.class)
                        && Set.of("openConnection", "openStream", "getContent").contains(call.getName()));
    }

    private static DescribedPredicate<JavaMethodCall> environmentOrSystemPropertyRead() {
        return DescribedPredicate.describe(
                "System.getenv, System.getProperty, System.getProperties, System.setProperty, System.clearProperty, "
                        + "Boolean.getBoolean, Integer.getInteger or Long.getLong",
                call -> isSystemPropertyOrEnvironmentAccess(call) || isWrapperPropertyRead(call));
    }

    private static boolean isSystemPropertyOrEnvironmentAccess(JavaMethodCall call) {
        return call.getTargetOwner().isEquivalentTo(System.class)
                && Set.of("getenv", "getProperty", "getProperties", "setProperty", "setProperties", "clearProperty").contains(call.getName());
    }

    private static boolean isWrapperPropertyRead(JavaMethodCall call) {
        return (call.getTargetOwner().isEquivalentTo(Boolean.class) && call.getName().equals("getBoolean"))
                || (call.getTargetOwner().isEquivalentTo(Integer.class) && call.getName().equals("getInteger"))
                || (call.getTargetOwner().isEquivalentTo(Long.class) && call.getName().equals("getLong"));
    }
}
