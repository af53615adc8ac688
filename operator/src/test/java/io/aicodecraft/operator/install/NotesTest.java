package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** NOTES.txt, as {@code helm install} prints it (a client-only dry run). */
class NotesTest {

    @Test
    void notesTellHowToApplyAFirstStackAndReadItsStatus() throws IOException {
        String notes = install("{}");

        assertThat(notes).contains("watches every namespace")
                .contains("kind: AICodeCraftStack")
                .contains("managed: {}")
                .contains("kubectl get acs -A --watch")
                .contains("kubectl describe acs team-a -n tenant-a")
                .contains("aicodecraft-operator-metrics." + RenderedChart.NAMESPACE + ".svc:8080/metrics");
    }

    @Test
    void inNamespacedModeTheNotesNameTheWatchedNamespacesAndTheStacks() throws IOException {
        String notes = install("""
                watch: {mode: namespaces, namespaces: [tenant-c, tenant-a]}
                stacks:
                  - {name: team-a, namespace: tenant-a, spec: {api: {image: "ghcr.io/aicodecraft/api-app:0.1.0"}}}
                """);

        assertThat(notes).contains("watches: tenant-c, tenant-a")
                .contains("kubectl create namespace tenant-c")
                .contains("kubectl describe acs team-a -n tenant-c")
                .contains("This release also manages 1 stack(s): team-a.");
    }

    private static String install(String values) throws IOException {
        var file = Files.createTempFile("values", ".yaml");
        try {
            Files.writeString(file, values);
            return new Helm(Repository.CHART).install()
                    .withName(RenderedChart.RELEASE)
                    .withNamespace(RenderedChart.NAMESPACE)
                    .withKubeVersion(RenderedChart.KUBE_VERSION)
                    .withValuesFile(file)
                    .clientOnly()
                    .dryRun()
                    .call()
                    .getOutput();
        } finally {
            Files.delete(file);
        }
    }
}
