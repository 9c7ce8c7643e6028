package io.kinesisconnect.common.spec.archfixture;

/**
 * Stands in, in the test code only, for a class of common-spec's {@code common.spec} package, so
 * that the architecture rules' control can use one without depending on common-spec.
 */
public final class SpecStandIn {}
