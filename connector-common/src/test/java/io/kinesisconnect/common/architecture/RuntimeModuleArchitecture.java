package io.kinesisconnect.common.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The architecture checks every runtime module runs over its own main code: no package cycle, no
 * use of the offline StateFun tooling or the CLI, no use of the test-kit. A module's test extends
 * this with its root package; the rules' controls are {@code ArchitectureRulesTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RuntimeModuleArchitecture {

    private final JavaClasses mainClasses;

    /** Imports the main classes below {@code rootPackage} once for the three checks. */
    protected RuntimeModuleArchitecture(String rootPackage) {
        this.mainClasses = ArchitectureRules.mainClasses(rootPackage);
    }

    @Test
    void noCycleBetweenPackages() {
        ArchitectureRules.NO_PACKAGE_CYCLE.check(mainClasses);
    }

    @Test
    void mainCodeDoesNotUseTheStateFunToolingOrTheCli() {
        ArchitectureRules.NO_COMMON_SPEC.check(mainClasses);
    }

    @Test
    void mainCodeDoesNotUseTheTestKit() {
        ArchitectureRules.NO_TEST_KIT.check(mainClasses);
    }
}
