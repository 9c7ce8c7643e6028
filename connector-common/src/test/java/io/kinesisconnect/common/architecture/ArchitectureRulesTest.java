package io.kinesisconnect.common.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The controls: each shared rule fails on a fixture that breaks it, so a rule that passes over main
 * code passes because the code obeys it, not because the rule cannot fail.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE = "io.kinesisconnect.common.architecture.fixture";

    @Test
    void theCycleRuleCatchesTwoPackagesThatImportEachOther() {
        String report = violations(ArchitectureRules.NO_PACKAGE_CYCLE, FIXTURE + ".cycle");
        assertThat(report).contains("cycle.a", "cycle.b");
    }

    @Test
    void theCommonSpecRuleCatchesEachOfItsPackages() {
        String report = violations(ArchitectureRules.NO_COMMON_SPEC, FIXTURE + ".forbidden");
        assertThat(report)
                .contains("SpecStandIn", "TranslateStandIn", "CliStandIn")
                .doesNotContain("TestKitStandIn");
    }

    @Test
    void theTestKitRuleCatchesATestKitClass() {
        String report = violations(ArchitectureRules.NO_TEST_KIT, FIXTURE + ".forbidden");
        assertThat(report).contains("TestKitStandIn").doesNotContain("SpecStandIn");
    }

    /**
     * The rule names common-spec's packages by hand, so a package added to (or renamed in)
     * common-spec must show up here: every package with sources there is covered, and every name in
     * the rule still matches one of them.
     */
    @Test
    void theCommonSpecRuleCoversEveryPackageOfCommonSpec() throws IOException {
        Path sources = Path.of("..", "common-spec", "src", "main", "java");
        List<String> packages;
        try (Stream<Path> files = Files.walk(sources)) {
            packages =
                    files.filter(file -> file.toString().endsWith(".java"))
                            .map(file -> sources.relativize(file.getParent()).toString())
                            .map(dir -> dir.replace(File.separatorChar, '.'))
                            .distinct()
                            .toList();
        }
        List<PackageMatcher> rule =
                ArchitectureRules.COMMON_SPEC_PACKAGES.stream().map(PackageMatcher::of).toList();
        assertThat(packages).isNotEmpty();
        assertThat(packages)
                .allSatisfy(pkg -> assertThat(rule).anyMatch(matcher -> matcher.matches(pkg)));
        assertThat(rule).allSatisfy(matcher -> assertThat(packages).anyMatch(matcher::matches));
    }

    private static String violations(ArchRule rule, String fixturePackage) {
        JavaClasses fixture = new ClassFileImporter().importPackages(fixturePackage);
        EvaluationResult result = rule.evaluate(fixture);
        assertThat(result.hasViolation()).as("the rule catches the fixture").isTrue();
        return result.getFailureReport().toString();
    }
}
