package io.kinesisconnect.common.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * connector-common's packages form no cycle, and its main code uses neither common-spec nor tests.
 */
class ConnectorCommonArchitectureTest {

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = ArchitectureRules.mainClasses("io.kinesisconnect.common");
    }

    @Test
    void noCycleBetweenPackages() {
        ArchitectureRules.NO_PACKAGE_CYCLE.check(mainClasses);
    }

    @Test
    void mainCodeDoesNotUseCommonSpec() {
        ArchitectureRules.NO_COMMON_SPEC.check(mainClasses);
    }

    @Test
    void mainCodeDoesNotUseTheTestKit() {
        ArchitectureRules.NO_TEST_KIT.check(mainClasses);
    }
}
