package io.kinesisconnect.testkit.archfixture;

/**
 * Stands in, in connector-common's test code only, for a test-kit class, so that the architecture
 * rules' control can use one without depending on the test-kit.
 */
public final class TestKitStandIn {}
