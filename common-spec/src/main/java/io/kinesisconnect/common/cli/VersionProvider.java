package io.kinesisconnect.common.cli;

import io.kinesisconnect.common.ProjectVersion;
import picocli.CommandLine;

/** The project version stamped at build time, the same one both connectors report. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"kinesis-connect " + ProjectVersion.get()};
    }
}
