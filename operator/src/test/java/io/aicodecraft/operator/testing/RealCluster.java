package io.aicodecraft.operator.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A real cluster without kubelets for one test class: the {@link RealApiServer} with an audit log, plus
 * kube-controller-manager (garbage collector; Deployment, ReplicaSet, StatefulSet, Job, CronJob, PV binder,
 * claim protection, ServiceAccount, disruption controllers), kube-scheduler and kwok faking {@value #NODES} nodes, each in a
 * zone of its own, whose pods become
 * Ready (Job pods Succeeded, or Failed for {@link TestStacks#FAILING_IMAGE}; a backup pod's store container
 * reports a stored dump as {@code backup store} does), all as child processes of
 * the test JVM. A {@link TestVolumeProvisioner} gives every claim a volume.
 *
 * <p>Everything it writes, the processes' logs and the audit log among them, stays under
 * {@code target/cluster/<test class>/} for reading after a failure.
 */
public final class RealCluster implements BeforeAllCallback, AfterAllCallback {

    static final int NODES = 3;
    private static final String KWOK_NODE = "kwok.x-k8s.io/node";
    // the controllers a stack's objects need; HPA needs metrics and the node lifecycle kubelets, so not those
    private static final String CONTROLLERS = String.join(",", "garbage-collector-controller",
            "deployment-controller", "replicaset-controller", "statefulset-controller", "job-controller", "cronjob-controller",
            "persistentvolume-binder-controller", "persistentvolumeclaim-protection-controller",
            "serviceaccount-controller", "disruption-controller");

    // the controller manager's default of 20 requests per second would pace a benchmark of hundreds of stacks
    private static final String QPS = "--kube-api-qps=200";
    private static final String BURST = "--kube-api-burst=400";

    private final List<ControlPlaneProcess> processes = new ArrayList<>();
    private Path binaries;
    private RealApiServer apiServer;
    private Path directory;
    private Path kubeconfig;
    private TestVolumeProvisioner provisioner;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts the cluster, its files under {@code target/cluster/<name>/}; for a benchmark's main. */
    public void start(String name) throws IOException {
        binaries = RealApiServer.binaries("etcd", "kube-apiserver", "kube-controller-manager",
                "kube-scheduler", "kwok", "kubectl");
        directory = Path.of("target", "cluster", name).toAbsolutePath();
        Files.createDirectories(directory);
        Path policy = copyResource("audit-policy.yaml");
        Files.deleteIfExists(audit());
        apiServer = new RealApiServer(List.of("--audit-policy-file=" + policy, "--audit-log-path=" + audit(),
                "--audit-log-format=json"));
        apiServer.start();
        kubeconfig = Files.writeString(directory.resolve("kubeconfig.yaml"), apiServer.kubeConfigYaml());
        // kube-api-test's service range, a /24, holds 254 Services and a stack has three: a second range
        client().resource(new GenericKubernetesResourceBuilder().withApiVersion("networking.k8s.io/v1")
                .withKind("ServiceCIDR").withNewMetadata().withName("more-services").endMetadata()
                .addToAdditionalProperties("spec", Map.of("cidrs", List.of("10.96.0.0/16"))).build()).create();

        start(binaries.resolve("kube-controller-manager"), "--kubeconfig=" + kubeconfig, "--leader-elect=false",
                "--secure-port=0", "--controllers=" + CONTROLLERS, "--concurrent-gc-syncs=5");
        start(binaries.resolve("kube-scheduler"), "--kubeconfig=" + kubeconfig, "--leader-elect=false",
                "--secure-port=0", "-v=4");
        start(binaries.resolve("kwok"), "--kubeconfig=" + kubeconfig,
                "--config=" + binaries.resolve("kwok-stages.yaml"), "--config=" + copyResource("kwok-failing-job-pods.yaml"),
                "--config=" + copyResource("kwok-backup-pods.yaml"),
                "--manage-all-nodes=false", "--manage-nodes-with-annotation-selector=" + KWOK_NODE + "=fake",
                "--node-ip=127.0.0.1");
        for (int i = 0; i < NODES; i++) {
            fakeNode("kwok-node-" + i, "zone-" + i, Map.of(), List.of());
        }
        provisioner = TestVolumeProvisioner.start(client());
        awaitRunning();
    }

    /**
     * A node kwok plays, in {@code zone} (each of the cluster's own nodes has a zone of its own), with further labels
     * and {@code taints}; returns once kwok reports it Ready.
     */
    public Node fakeNode(String name, String zone, Map<String, String> labels, List<Taint> taints) {
        client().nodes().resource(new NodeBuilder().withNewMetadata().withName(name)
                .addToAnnotations(KWOK_NODE, "fake").addToLabels("type", "kwok")
                .addToLabels("kubernetes.io/hostname", name).addToLabels("topology.kubernetes.io/zone", zone)
                .addToLabels(labels).endMetadata()
                .build()).create();
        var node = client().nodes().withName(name);
        node.waitUntilCondition(n -> n != null && n.getStatus() != null && n.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())), 60, TimeUnit.SECONDS);
        // admission taints a new node not-ready; lifting it is the node lifecycle controller's part, which
        // would also need kubelet heartbeats, so it is done here once
        return node.edit(n -> new NodeBuilder(n).editSpec().withTaints(taints).endSpec().build());
    }

    /** Waits for what shows each process at work: the ServiceAccount controller's account. */
    private void awaitRunning() {
        client().resources(ServiceAccount.class).inNamespace("default").withName("default")
                .waitUntilCondition(Objects::nonNull, 60, TimeUnit.SECONDS);
        processes.forEach(ControlPlaneProcess::requireAlive);
    }

    public void stop() {
        if (provisioner != null) {
            provisioner.close();
        }
        processes.reversed().forEach(ControlPlaneProcess::close);
        if (apiServer != null) {
            apiServer.stop();
        }
    }

    /** An admin client. */
    public KubernetesClient client() {
        return apiServer.client();
    }

    /** The admin kubeconfig file, for kubectl and Helm. */
    public Path kubeconfig() {
        return kubeconfig;
    }

    /** The API server's audit log: every write, in JSON lines. */
    public Path audit() {
        return directory.resolve("audit.log");
    }

    /**
     * A client that acts as {@code namespace/name}'s ServiceAccount (the admin impersonates it), so what
     * its Roles do not grant is refused as it would be in a pod.
     */
    public KubernetesClient clientAs(String namespace, String serviceAccount) {
        Config config = Config.fromKubeconfig(apiServer.kubeConfigYaml());
        config.setImpersonateUsername(AuditLog.serviceAccountUser(namespace, serviceAccount));
        config.setImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + namespace,
                "system:authenticated");
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    /** Runs the kubectl built with the control plane as the admin, and returns its output; fails on an error. */
    public String kubectl(String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(binaries.resolve("kubectl").toString(), "--kubeconfig=" + kubeconfig));
        command.addAll(List.of(arguments));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl " + String.join(" ", arguments) + " failed:\n" + output);
        }
        return output;
    }

    public String namespace(String name) {
        return apiServer.namespace(name);
    }

    private void start(Path binary, String... arguments) {
        processes.add(ControlPlaneProcess.start(binary, List.of(arguments), directory));
    }

    private Path copyResource(String name) throws IOException {
        Path target = directory.resolve(name);
        try (InputStream in = RealCluster.class.getResourceAsStream("/cluster/" + name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no test resource cluster/" + name));
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
