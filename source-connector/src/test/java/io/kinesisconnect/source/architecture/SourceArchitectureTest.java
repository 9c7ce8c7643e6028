package io.kinesisconnect.source.architecture;

import io.kinesisconnect.common.architecture.RuntimeModuleArchitecture;

/**
 * The source's packages form no cycle, and its main code uses neither offline tooling nor tests.
 */
class SourceArchitectureTest extends RuntimeModuleArchitecture {

    SourceArchitectureTest() {
        super("io.kinesisconnect.source");
    }
}
