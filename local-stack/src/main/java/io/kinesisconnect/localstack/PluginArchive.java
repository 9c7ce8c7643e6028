package io.kinesisconnect.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Installs the Confluent Hub archive into a plugin.path folder, as a user unzips it. */
final class PluginArchive {

    private PluginArchive() {}

    /** Unzips {@code archive} into {@code pluginPath}; returns the plugin's own folder. */
    static Path install(Path archive, Path pluginPath) {
        Path root = pluginPath.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(archive);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IllegalStateException("Archive entry outside the folder: " + entry);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unzip " + archive, e);
        }
        String name = archive.getFileName().toString().replaceFirst("\\.zip$", "");
        return root.resolve(name);
    }
}
