package io.aicodecraft.operator.testing;

import com.marcnuri.helm.Helm;
import io.aicodecraft.operator.install.Repository;
import io.aicodecraft.operator.runtime.OperatorSettings;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.HashMap;
import java.util.Map;

/** The operator's chart installed by Helm (helm-java) into a cluster-tier cluster, with its pods rolled out. */
public record ChartRelease(RealCluster cluster, String name, String namespace) {

    public static ChartRelease install(RealCluster cluster, String name, String namespace) {
        return install(cluster, name, namespace, Map.of());
    }

    /** With {@code values} set as {@code helm install --set key=value} would. */
    public static ChartRelease install(RealCluster cluster, String name, String namespace, Map<String, String> values) {
        var install = new Helm(Repository.CHART).install()
                .withName(name).withNamespace(namespace).createNamespace()
                .withKubeConfig(cluster.kubeconfig())
                .waitReady().withTimeout(120);
        values.forEach(install::set);
        install.call();
        return new ChartRelease(cluster, name, namespace);
    }

    /** The chart's full name, the prefix of its objects (the release name does not contain the chart's). */
    public String fullName() {
        return name + "-aicodecraft-operator";
    }

    /** The user the operator's ServiceAccount authenticates as, which the audit log names. */
    public String operatorUser() {
        return AuditLog.serviceAccountUser(namespace, fullName());
    }

    /** A client with exactly the permissions the chart gives its operator. */
    public KubernetesClient operatorClient() {
        return cluster.clientAs(namespace, fullName());
    }

    /** The operator's settings as the chart configures them for a pod named {@code podName}. */
    public OperatorSettings operatorSettings(String podName) {
        return OperatorSettings.fromEnvironment(operatorEnvironment(podName));
    }

    /**
     * The operator container's environment as the chart sets it, for a pod named {@code podName}: the
     * literal values, and the downward API's pod name and namespace.
     */
    public Map<String, String> operatorEnvironment(String podName) {
        var deployment = cluster.client().resources(Deployment.class).inNamespace(namespace).withName(fullName()).get();
        var env = new HashMap<String, String>();
        for (EnvVar variable : deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv()) {
            if (variable.getValue() != null) {
                env.put(variable.getName(), variable.getValue());
            } else if (variable.getValueFrom() != null && variable.getValueFrom().getFieldRef() != null) {
                switch (variable.getValueFrom().getFieldRef().getFieldPath()) {
                    case "metadata.name" -> env.put(variable.getName(), podName);
                    case "metadata.namespace" -> env.put(variable.getName(), namespace);
                    default -> { }
                }
            }
        }
        return env;
    }
}
