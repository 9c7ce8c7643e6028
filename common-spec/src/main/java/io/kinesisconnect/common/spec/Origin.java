package io.kinesisconnect.common.spec;

/** Where a value came from, so that later stages can report problems at the right place. */
public record Origin(String file, String path, int line) {}
