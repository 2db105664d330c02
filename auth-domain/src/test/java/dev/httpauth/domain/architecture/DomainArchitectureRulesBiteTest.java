package dev.httpauth.domain.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.httpauth.domain.fixture.LogsWithJavaUtilLogging;
import dev.httpauth.domain.fixture.OpensSocket;
import dev.httpauth.domain.fixture.OpensUrlConnection;
import dev.httpauth.domain.fixture.PrintsToStandardOutput;
import dev.httpauth.domain.fixture.ReadsEnvironmentVariable;
import dev.httpauth.domain.fixture.ReadsFile;
import dev.httpauth.domain.fixture.ReadsFileWithJavaIo;
import dev.httpauth.domain.fixture.ReadsSystemProperty;
import dev.httpauth.domain.fixture.SendsHttpRequest;
import dev.httpauth.domain.fixture.StartsProcess;
import dev.httpauth.domain.fixture.UsesThirdPartyLibrary;
import dev.httpauth.domain.fixture.model.ModelThatCallsService;
import dev.httpauth.domain.fixture.port.ClassInPortPackage;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.httpauth.domain.architecture.DomainArchitectureTest.DOMAIN_DEPENDS_ONLY_ON_JDK_AND_VAVR;
import static dev.httpauth.domain.architecture.DomainArchitectureTest.DOMAIN_DOES_NO_FILE_IO;
import static dev.httpauth.domain.architecture.DomainArchitectureTest.DOMAIN_DOES_NO_NETWORK_IO;
import static dev.httpauth.domain.architecture.DomainArchitectureTest.DOMAIN_READS_NO_ENVIRONMENT_OR_SYSTEM_PROPERTIES;
import static dev.httpauth.domain.architecture.DomainArchitectureTest.DOMAIN_STARTS_NO_PROCESSES;
import static dev.httpauth.domain.architecture.DomainArchitectureTest.DOMAIN_USES_NO_JAVA_UTIL_LOGGING;
import static dev.httpauth.domain.architecture.DomainArchitectureTest.DOMAIN_WRITES_NO_STANDARD_STREAMS;
import static dev.httpauth.domain.architecture.DomainArchitectureTest.MODEL_DOES_NOT_DEPEND_ON_SERVICES_OR_PORTS;
import static dev.httpauth.domain.architecture.DomainArchitectureTest.PORTS_ARE_INTERFACES;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks each rule of {@link DomainArchitectureTest} against a class in
 * {@code dev.httpauth.domain.fixture} that breaks it, and expects a failure naming the rule and
 * the class.
 */
class DomainArchitectureRulesBiteTest {

    static Stream<Arguments> rulesAndViolators() {
        return Stream.of(
                violation("DOMAIN_DEPENDS_ONLY_ON_JDK_AND_VAVR", DOMAIN_DEPENDS_ONLY_ON_JDK_AND_VAVR, UsesThirdPartyLibrary.class),
                violation("DOMAIN_DOES_NO_FILE_IO", DOMAIN_DOES_NO_FILE_IO, ReadsFile.class),
                violation("DOMAIN_DOES_NO_FILE_IO", DOMAIN_DOES_NO_FILE_IO, ReadsFileWithJavaIo.class),
                violation("DOMAIN_DOES_NO_NETWORK_IO", DOMAIN_DOES_NO_NETWORK_IO, OpensSocket.class),
                violation("DOMAIN_DOES_NO_NETWORK_IO", DOMAIN_DOES_NO_NETWORK_IO, OpensUrlConnection.class),
                violation("DOMAIN_DOES_NO_NETWORK_IO", DOMAIN_DOES_NO_NETWORK_IO, SendsHttpRequest.class),
                violation("DOMAIN_READS_NO_ENVIRONMENT_OR_SYSTEM_PROPERTIES", DOMAIN_READS_NO_ENVIRONMENT_OR_SYSTEM_PROPERTIES, ReadsEnvironmentVariable.class),
                violation("DOMAIN_READS_NO_ENVIRONMENT_OR_SYSTEM_PROPERTIES", DOMAIN_READS_NO_ENVIRONMENT_OR_SYSTEM_PROPERTIES, ReadsSystemProperty.class),
                violation("DOMAIN_STARTS_NO_PROCESSES", DOMAIN_STARTS_NO_PROCESSES, StartsProcess.class),
                violation("DOMAIN_WRITES_NO_STANDARD_STREAMS", DOMAIN_WRITES_NO_STANDARD_STREAMS, PrintsToStandardOutput.class),
                violation("DOMAIN_USES_NO_JAVA_UTIL_LOGGING", DOMAIN_USES_NO_JAVA_UTIL_LOGGING, LogsWithJavaUtilLogging.class),
                violation("PORTS_ARE_INTERFACES", PORTS_ARE_INTERFACES, ClassInPortPackage.class),
                violation("MODEL_DOES_NOT_DEPEND_ON_SERVICES_OR_PORTS", MODEL_DOES_NOT_DEPEND_ON_SERVICES_OR_PORTS, ModelThatCallsService.class));
    }

    private static Arguments violation(String ruleName, ArchRule rule, Class<?> violator) {
        return Arguments.of(Named.of(ruleName, rule), Named.of(violator.getSimpleName(), violator));
    }

    @ParameterizedTest(name = "{0} rejects {1}")
    @MethodSource("rulesAndViolators")
    void ruleRejectsViolatingFixture(ArchRule rule, Class<?> violator) {
        JavaClasses fixture = new ClassFileImporter().importClasses(violator);

        assertThatThrownBy(() -> rule.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Rule '" + rule.getDescription() + "' was violated")
                .hasMessageContaining(violator.getName());
    }
}
