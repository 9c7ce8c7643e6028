package io.kinesisconnect.sink.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.kinesisconnect.common.architecture.ArchitectureRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sink's packages form no cycle, and its main code uses neither offline tooling nor tests. The
 * rules' controls are connector-common's {@code ArchitectureRulesTest}.
 */
class SinkArchitectureTest {

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = ArchitectureRules.mainClasses("io.kinesisconnect.sink");
    }

    @Test
    void noCycleBetweenPackages() {
        ArchitectureRules.NO_PACKAGE_CYCLE.check(mainClasses);
    }

    @Test
    void theConnectorDoesNotUseTheStateFunToolingOrTheCli() {
        ArchitectureRules.NO_COMMON_SPEC.check(mainClasses);
    }

    @Test
    void mainCodeDoesNotUseTheTestKit() {
        ArchitectureRules.NO_TEST_KIT.check(mainClasses);
    }
}
