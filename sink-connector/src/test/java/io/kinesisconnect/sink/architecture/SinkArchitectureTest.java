package io.kinesisconnect.sink.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sink's packages form no cycle, and its main code uses neither offline tooling nor tests. */
class SinkArchitectureTest {

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                        .importPackages("io.kinesisconnect.sink");
    }

    private static final ArchRule NO_PACKAGE_CYCLE =
            slices().matching("io.kinesisconnect.(**)").should().beFreeOfCycles();

    @Test
    void noCycleBetweenPackages() {
        NO_PACKAGE_CYCLE.check(mainClasses);
    }

    /** The control: the same rule over two test packages that import each other. */
    @Test
    void theCycleRuleCatchesADeliberateCycle() {
        JavaClasses cyclic =
                new ClassFileImporter()
                        .importPackages("io.kinesisconnect.sink.architecture.fixture");
        EvaluationResult result = NO_PACKAGE_CYCLE.evaluate(cyclic);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().toString()).contains("fixture.a", "fixture.b");
    }

    @Test
    void theConnectorDoesNotUseTheStateFunToolingOrTheCli() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.kinesisconnect.common.spec..",
                        "io.kinesisconnect.common.translate..",
                        "io.kinesisconnect.common.cli..")
                .check(mainClasses);
    }

    @Test
    void mainCodeDoesNotUseTheTestKit() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.kinesisconnect.testkit..")
                .check(mainClasses);
    }
}
