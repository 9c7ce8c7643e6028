package io.kinesisconnect.common.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, if it has one. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = KinesisConnectCli.class.getPackage().getImplementationVersion();
        return new String[] {"kinesis-connect " + (v == null ? "(development build)" : v)};
    }
}
