package io.aicodecraft.operator.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image as Jib's {@code buildTar} writes it (a Docker-loadable tar: {@code manifest.json}, {@code config.json},
 * one gzipped tar a layer), its layers unpacked into one root directory the way a container runtime stacks them.
 *
 * @param config   the container configuration ({@code config.json}'s {@code config}: User, Entrypoint, Cmd, ...)
 * @param layers   each layer's history comment ("dependencies", "classes", ...) and the files it holds, in order
 * @param root     the unpacked file system
 * @param tarBytes the size of each layer as it would be pushed (gzipped), by comment
 */
record JibImage(JsonNode config, Map<String, List<String>> layers, Path root, Map<String, Long> tarBytes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run of the image's entrypoint did. */
    record Run(int exitCode, String stdout, String stderr) {
        /** Both streams, for an assertion's description. */
        String output() {
            return stdout + stderr;
        }
    }

    static JibImage unpack(Path imageTar, Path root) {
        try {
            Map<String, byte[]> entries = new HashMap<>();
            try (var tar = new TarArchiveInputStream(Files.newInputStream(imageTar))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    entries.put(entry.getName(), tar.readAllBytes());
                }
            }
            JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
            JsonNode image = JSON.readTree(entries.get(manifest.get("Config").asText()));
            List<String> comments = new ArrayList<>();
            image.get("history").forEach(step -> comments.add(step.path("comment").asText()));

            Map<String, List<String>> layers = new LinkedHashMap<>();
            Map<String, Long> sizes = new LinkedHashMap<>();
            JsonNode layerFiles = manifest.get("Layers");
            for (int i = 0; i < layerFiles.size(); i++) {
                byte[] layer = entries.get(layerFiles.get(i).asText());
                layers.put(comments.get(i), unpackLayer(layer, root));
                sizes.put(comments.get(i), (long) layer.length);
            }
            return new JibImage(image.get("config"), layers, root, sizes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image tar " + imageTar, e);
        }
    }

    private static List<String> unpackLayer(byte[] gzippedTar, Path root) throws IOException {
        List<String> files = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzippedTar));
             var tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("layer entry outside the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.write(target, tar.readAllBytes());
                    files.add("/" + entry.getName());
                }
            }
        }
        return files;
    }

    List<String> entrypoint() {
        return strings(config.get("Entrypoint"));
    }

    List<String> cmd() {
        return strings(config.get("Cmd"));
    }

    String user() {
        return config.path("User").asText();
    }

    List<String> exposedPorts() {
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").properties().forEach(port -> ports.add(port.getKey()));
        return ports;
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("Labels").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asText()));
        return labels;
    }

    /** The file names (no directories) under {@code directory} of the image, in any layer. */
    List<String> fileNames(String directory) {
        String prefix = directory.endsWith("/") ? directory : directory + "/";
        return layers.values().stream().flatMap(List::stream)
                .filter(file -> file.startsWith(prefix) && file.indexOf('/', prefix.length()) < 0)
                .map(file -> file.substring(prefix.length()))
                .sorted().toList();
    }

    /**
     * Runs the image's entrypoint with {@code args} in place of its Cmd on this machine's JDK: {@code java} is
     * this JVM's, and an {@code @argfile} of the image (Jib's classpath file) is read from the unpacked root with
     * its absolute paths moved under the root. Every other argument is passed as the image has it; the working
     * directory is the root, as a container's would be {@code /}.
     */
    Run run(Map<String, String> environment, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        List<String> entrypoint = entrypoint();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : entrypoint.subList(1, entrypoint.size())) {
            command.add(argument.startsWith("@/") ? "@" + hostArgFile(argument.substring(1)) : argument);
        }
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AICC_") || name.equals("JDK_JAVA_OPTIONS"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            var stdout = new ByteArrayOutputStream();
            var stderr = new ByteArrayOutputStream();
            Thread out = copy(process.getInputStream(), stdout);
            Thread err = copy(process.getErrorStream(), stderr);
            boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            out.join();
            err.join();
            if (!ended) {
                throw new AssertionError("the entrypoint did not end in " + timeout + ": " + command + "\n"
                        + stdout.toString(StandardCharsets.UTF_8) + stderr.toString(StandardCharsets.UTF_8));
            }
            return new Run(process.exitValue(), stdout.toString(StandardCharsets.UTF_8),
                    stderr.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Thread copy(InputStream from, ByteArrayOutputStream to) {
        return Thread.ofVirtual().start(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ignored) {
                // the process is gone; what it wrote so far is its output
            }
        });
    }

    private Path hostArgFile(String imagePath) {
        try {
            Path file = inRoot(imagePath);
            String content = Files.readString(file).strip();
            String moved = Arrays.stream(content.split(":"))
                    .map(entry -> entry.startsWith("/") ? inRoot(entry).toString() : entry)
                    .collect(Collectors.joining(":"));
            Path hostFile = file.resolveSibling(file.getFileName() + ".host");
            Files.writeString(hostFile, moved);
            return hostFile;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path inRoot(String imagePath) {
        return root.resolve(imagePath.substring(1));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}
