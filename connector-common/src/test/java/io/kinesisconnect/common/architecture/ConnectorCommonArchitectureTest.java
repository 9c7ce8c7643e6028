package io.kinesisconnect.common.architecture;

/**
 * connector-common's packages form no cycle, and its main code uses neither common-spec nor tests.
 */
class ConnectorCommonArchitectureTest extends RuntimeModuleArchitecture {

    ConnectorCommonArchitectureTest() {
        super("io.kinesisconnect.common");
    }
}
