package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code k8s/install/} and the chart's {@code crds/} are derived files: the plain manifests are the
 * chart rendered with its defaults, and the chart's CRD is the repository's. This test fails when
 * either is stale; with {@code -Dinstall.regenerate=true} it writes them instead
 * ({@link #REGENERATE_COMMAND}).
 */
class InstallManifestsTest {

    private static final boolean REGENERATE = Boolean.getBoolean("install.regenerate");
    static final String REGENERATE_COMMAND = "./mvnw -B -ntp -pl operator -am test -Dtest=InstallManifestsTest"
            + " -Dinstall.regenerate=true -Dsurefire.failIfNoSpecifiedTests=false";
    private static final String HEADER = """
            # Generated from helm/aicodecraft-operator with its default values: do not edit.
            # Regenerate: %s
            """.formatted(REGENERATE_COMMAND);

    @Test
    void installManifestsAreTheChartsDefaults() throws IOException {
        var expected = expectedInstallManifests();
        if (REGENERATE) {
            Files.createDirectories(Repository.INSTALL_MANIFESTS);
            for (var file : expected.entrySet()) {
                Files.writeString(Repository.INSTALL_MANIFESTS.resolve(file.getKey()), file.getValue());
            }
        }

        try (var files = Files.list(Repository.INSTALL_MANIFESTS)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .as("files of k8s/install")
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
        for (var file : expected.entrySet()) {
            assertThat(Files.readString(Repository.INSTALL_MANIFESTS.resolve(file.getKey())))
                    .as("k8s/install/%s is stale; regenerate with: %s", file.getKey(), REGENERATE_COMMAND)
                    .isEqualTo(file.getValue());
        }
    }

    @Test
    void chartCrdIsTheRepositoryCrd() throws IOException {
        String crd = Files.readString(Repository.CRD);
        if (REGENERATE) {
            Files.createDirectories(Repository.CHART_CRD.getParent());
            Files.writeString(Repository.CHART_CRD, crd);
        }

        assertThat(Files.readString(Repository.CHART_CRD))
                .as("helm/aicodecraft-operator/crds/ must hold crds/aicodecraftstacks.aicodecraft.io-v1.yml unchanged;"
                        + " regenerate with: %s", REGENERATE_COMMAND)
                .isEqualTo(crd);
    }

    @Test
    void installManifestsHoldTheNamespaceTheCrdAndTheOperator() throws IOException {
        var manifests = RenderedChart.of(String.join("\n---\n", read("00-namespace.yaml"), read("01-crd.yaml"),
                read("02-operator.yaml")));

        assertThat(manifests.one("Namespace").at("/metadata/name").asText()).isEqualTo(RenderedChart.NAMESPACE);
        assertThat(manifests.one("CustomResourceDefinition").at("/metadata/name").asText())
                .isEqualTo("aicodecraftstacks.aicodecraft.io");
        assertThat(manifests.ofKind("Deployment")).singleElement()
                .satisfies(d -> assertThat(d.at("/metadata/namespace").asText()).isEqualTo(RenderedChart.NAMESPACE));
        assertThat(manifests.kinds()).contains("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role",
                "RoleBinding", "Service");
    }

    /** File name to content; kubectl applies a directory in name order, so the namespace and the CRD come first. */
    private static Map<String, String> expectedInstallManifests() throws IOException {
        var files = new LinkedHashMap<String, String>();
        files.put("00-namespace.yaml", HEADER + """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %s
                  labels:
                    app.kubernetes.io/name: aicodecraft-operator
                    app.kubernetes.io/part-of: aicodecraft
                """.formatted(RenderedChart.NAMESPACE));
        files.put("01-crd.yaml", HEADER + Files.readString(Repository.CRD));
        files.put("02-operator.yaml", HEADER + RenderedChart.defaults().yaml().strip() + "\n");
        return files;
    }

    private static String read(String name) throws IOException {
        return Files.readString(Repository.INSTALL_MANIFESTS.resolve(name));
    }
}
