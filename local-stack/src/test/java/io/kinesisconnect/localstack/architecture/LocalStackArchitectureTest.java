package io.kinesisconnect.localstack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The quickstart is a product tool: its main code uses no test code. What it shares with the tests
 * (emulator processes, clients, stream readers and writers) lives in local-processes; the Maven
 * side of the same rule is the root pom's no-test-dependencies enforcer execution.
 */
class LocalStackArchitectureTest {

    private static final ArchRule NO_TEST_CODE =
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "io.kinesisconnect.testkit..",
                            "org.junit..",
                            "org.apache.kafka.test..",
                            "org.apache.kafka.connect.util.clusters..")
                    .because("the quickstart must run without test-kit or test frameworks");

    @Test
    void mainCodeUsesNoTestCode() {
        JavaClasses mainClasses =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages("io.kinesisconnect.localstack");
        assertThat(mainClasses).as("local-stack's main classes").isNotEmpty();
        NO_TEST_CODE.check(mainClasses);
    }

    /** The control: the same rule over a test class that uses JUnit. */
    @Test
    void theRuleCatchesAClassThatUsesTestCode() {
        JavaClasses fixture =
                new ClassFileImporter()
                        .importPackages("io.kinesisconnect.localstack.architecture.fixture");
        EvaluationResult result = NO_TEST_CODE.evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString())
                .contains("BorrowsTestCode", "org.junit.jupiter.api.Assertions");
    }
}
