package io.aicodecraft.operator.testing;

import io.aicodecraft.operator.install.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * A command built from a small Go module of the repository ({@code testcluster/promql}, {@code testcluster/exporters/*})
 * that pins another project's release: built once per version of the module's files into the tests' cache, beside
 * the control plane's binaries, from the Go module proxy.
 */
public final class GoBinary {

    private GoBinary() {
    }

    /** {@code pkg} ({@code .} or a package the module requires) of {@code module} under the repository, built as {@code name}. */
    public static synchronized Path built(String module, String name, String pkg) {
        Path sources = Repository.ROOT.resolve(module);
        try (Stream<Path> files = Files.list(sources)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(file -> file.toString().endsWith(".go") || file.toString().endsWith(".sum")
                    || file.toString().endsWith(".mod")).sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            String version = HexFormat.of().formatHex(digest.digest()).substring(0, 12);
            Path command = RealApiServer.binariesRoot().resolve(name).resolve(version).resolve(name);
            if (!Files.isExecutable(command)) {
                GoToolchain.go(sources, "build", "-trimpath", "-o", command.toString(), pkg);
            }
            return command;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
