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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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

    private final List<String> flags;
    private final Supplier<List<CustomResourceDefinition>> otherCrds;
    private KubeAPIServer server;
    private KubernetesClient client;

    public RealApiServer() {
        this(List.of());
    }

    /** With {@code flags} added to kube-api-test's own kube-apiserver flags. */
    public RealApiServer(List<String> flags) {
        this(flags, List::of);
    }

    private RealApiServer(List<String> flags, Supplier<List<CustomResourceDefinition>> otherCrds) {
        this.flags = List.copyOf(flags);
        this.otherCrds = otherCrds;
    }

    /** With another project's CRDs installed beside the operator's before any test (and operator) starts. */
    public static RealApiServer withCrds(Supplier<List<CustomResourceDefinition>> crds) {
        return new RealApiServer(List.of(), crds);
    }

    /** An admin client (kube-api-test's client certificate is in {@code system:masters}). */
    public KubernetesClient client() {
        return client;
    }

    /** The admin kubeconfig, for the other control-plane processes and for kubectl and Helm. */
    public String kubeConfigYaml() {
        return server.getKubeConfigYaml();
    }

    /** Creates a namespace for one test (a real server has no implicit ones). */
    public String namespace(String name) {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .serverSideApply();
        return name;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts etcd and kube-apiserver and installs the CRD; what {@link #beforeAll} does, for a benchmark's main. */
    public void start() {
        Path dir = binariesRoot();
        binaries("kube-apiserver", "etcd");
        server = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(dir.toString())
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withApiServerFlags(flags)
                .build());
        server.start();
        client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(server.getKubeConfigYaml())).build();
        install(GeneratedCrd.parsed());
        otherCrds.get().forEach(this::install);
    }

    private void install(CustomResourceDefinition crd) {
        var applied = client.resource(crd).serverSideApply();
        client.resources(CustomResourceDefinition.class).withName(applied.getMetadata().getName())
                .waitUntilCondition(RealApiServer::established, 30, TimeUnit.SECONDS);
    }

    public void stop() {
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

    /**
     * The folder of {@code testcluster/build.sh} that holds all of {@code names}; where there is none, the
     * test class is skipped with the reason, or fails under {@link #REQUIRE}.
     */
    static Path binaries(String... names) {
        Path k8s = binariesRoot().resolve("k8s");
        Optional<Path> found;
        try (Stream<Path> versions = Files.isDirectory(k8s) ? Files.list(k8s) : Stream.empty()) {
            found = versions.filter(v -> Stream.of(names).allMatch(name -> Files.isExecutable(v.resolve(name))))
                    .max(Path::compareTo);
        } catch (IOException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            String reason = "no " + String.join(", ", names) + " under " + k8s
                    + ": run testcluster/build.sh (needs Go) to build the real control plane";
            if (Boolean.parseBoolean(System.getenv(REQUIRE))) {
                Assertions.fail(reason + " (" + REQUIRE + "=true)");
            }
            Assumptions.abort(reason);
        }
        return found.get();
    }

    private static boolean established(CustomResourceDefinition crd) {
        // a new CRD's status may come before its first condition
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
