package io.aicodecraft.operator.testing;

import io.aicodecraft.operator.crd.GeneratedCrd;
import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real etcd and kube-apiserver (fabric8 kube-api-test over the binaries {@code testcluster/build.sh}
 * builds from Go modules) for one test class, with the generated CRD installed and established.
 *
 * <p>Where the binaries are missing the class is skipped with the reason, unless
 * {@code AICC_REQUIRE_REAL_CLUSTER=true} (set by {@code .ci/run}) turns the skip into a failure, so CI
 * cannot pass without this tier.
 */
public final class RealApiServer implements BeforeAllCallback, AfterAllCallback {

    public static final String REQUIRE = "AICC_REQUIRE_REAL_CLUSTER";

    private KubeAPIServer server;
    private KubernetesClient client;

    public KubernetesClient client() {
        return client;
    }

    /** Creates a namespace for one test (a real server has no implicit ones). */
    public String namespace(String name) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .serverSideApply();
        return name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Path dir = binariesRoot();
        if (!hasBinaries(dir)) {
            String reason = "no kube-apiserver under " + dir.resolve("k8s")
                    + ": run testcluster/build.sh (needs Go) to build the real control plane";
            if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
                Assertions.fail(reason + " (" + REQUIRE + "=true)");
            }
            Assumptions.abort(reason);
        }
        server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(dir.toString())
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .build());
        server.start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(server.getKubeConfigYaml())).build();
        var crd = client.resource(GeneratedCrd.parsed()).serverSideApply();
        client.resources(CustomResourceDefinition.class).withName(crd.getMetadata().getName())
                .waitUntilCondition(RealApiServer::established, 30, TimeUnit.SECONDS);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    /** Where {@code testcluster/build.sh} puts its cache: {@code KUBE_API_TEST_DIR}, else ~/.cache/aicodecraft. */
    static Path binariesRoot() {
        String configured = System.getenv(KubeAPIServerConfigBuilder.KUBE_API_TEST_DIR);
        return configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "aicodecraft");
    }

    private static boolean hasBinaries(Path root) {
        Path k8s = root.resolve("k8s");
        if (!Files.isDirectory(k8s)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(k8s)) {
            return versions.anyMatch(v -> Files.isExecutable(v.resolve("kube-apiserver"))
                    && Files.isExecutable(v.resolve("etcd")));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean established(CustomResourceDefinition crd) {
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
