package io.kinesisconnect.common.translate.archfixture;

/**
 * Stands in, in the test code only, for a class of common-spec's {@code common.translate} package,
 * so that the architecture rules' control can use one without depending on common-spec.
 */
public final class TranslateStandIn {}
