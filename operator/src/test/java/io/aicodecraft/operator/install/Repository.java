package io.aicodecraft.operator.install;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository, found from wherever the test JVM runs (the module or the root). */
public final class Repository {

    public static final Path ROOT = root();
    public static final Path CHART = ROOT.resolve("helm/aicodecraft-operator");
    public static final Path CRD = ROOT.resolve("crds/aicodecraftstacks.aicodecraft.io-v1.yml");
    public static final Path CHART_CRD = CHART.resolve("crds/aicodecraftstacks.aicodecraft.io-v1.yml");
    public static final Path INSTALL_MANIFESTS = ROOT.resolve("k8s/install");
    public static final Path EXAMPLES = ROOT.resolve("k8s/examples");

    private Repository() {
    }

    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("helm/aicodecraft-operator"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no helm/aicodecraft-operator above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
