package io.kinesisconnect.sink.architecture;

import io.kinesisconnect.common.architecture.RuntimeModuleArchitecture;

/** The sink's packages form no cycle, and its main code uses neither offline tooling nor tests. */
class SinkArchitectureTest extends RuntimeModuleArchitecture {

    SinkArchitectureTest() {
        super("io.kinesisconnect.sink");
    }
}
