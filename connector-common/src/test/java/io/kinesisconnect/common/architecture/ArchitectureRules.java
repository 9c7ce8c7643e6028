package io.kinesisconnect.common.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The architecture rules every runtime module checks over its own main code. They live once, here,
 * where {@code ArchitectureRulesTest} proves each of them can fail; connector-common's test jar
 * hands them to the connectors' tests.
 */
public final class ArchitectureRules {

    /** The packages of common-spec: the StateFun tooling and the CLI, which no connector ships. */
    public static final List<String> COMMON_SPEC_PACKAGES =
            List.of(
                    "io.kinesisconnect.common.spec..",
                    "io.kinesisconnect.common.translate..",
                    "io.kinesisconnect.common.cli..");

    /** The test-kit's packages: emulator processes and test helpers, never shipped. */
    public static final String TEST_KIT_PACKAGES = "io.kinesisconnect.testkit..";

    /** No two packages import each other, directly or through others. */
    public static final ArchRule NO_PACKAGE_CYCLE =
            slices().matching("io.kinesisconnect.(**)").should().beFreeOfCycles();

    /** Runtime code does not use the offline StateFun tooling or the CLI. */
    public static final ArchRule NO_COMMON_SPEC =
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(COMMON_SPEC_PACKAGES.toArray(String[]::new));

    /** Main code does not use the test-kit. */
    public static final ArchRule NO_TEST_KIT =
            noClasses().should().dependOnClassesThat().resideInAPackage(TEST_KIT_PACKAGES);

    private ArchitectureRules() {}

    /** The main classes (no tests, no jars) under {@code rootPackage}. */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }
}
