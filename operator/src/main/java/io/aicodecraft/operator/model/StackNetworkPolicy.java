package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets only the stack's own pods reach its managed PostgreSQL and Redis; their exporters' metrics ports are open to
 * any pod, as Prometheus runs wherever the platform put it and a scrape reads nothing but metrics.
 */
public final class StackNetworkPolicy {

    private StackNetworkPolicy() {
    }

    /** When isolation is asked for and the stack runs PostgreSQL or Redis itself. */
    public static boolean applies(AICodeCraftStack stack) {
        return stack.getSpec().getIsolation().isNetworkPolicies() && !backends(stack).isEmpty();
    }

    public static NetworkPolicy build(AICodeCraftStack stack) {
        List<StackComponent> backends = backends(stack);
        List<NetworkPolicyPort> ports = new ArrayList<>();
        if (backends.contains(StackComponent.DATABASE)) {
            ports.add(tcp(PostgresService.PORT));
        }
        if (backends.contains(StackComponent.CACHE)) {
            ports.add(tcp(RedisService.PORT));
        }
        Map<String, String> ownPods = Map.of(StackComponent.STACK_LABEL, stack.getMetadata().getName());
        return new NetworkPolicyBuilder()
                .withMetadata(StackComponent.NETWORK.metadata(stack, StackNames.networkPolicy(stack)))
                .withNewSpec()
                .withNewPodSelector()
                .withMatchLabels(ownPods)
                .addNewMatchExpression()
                .withKey(StackComponent.COMPONENT_LABEL)
                .withOperator("In")
                .withValues(backends.stream().map(StackComponent::component).toList())
                .endMatchExpression()
                .endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .addNewFrom().withNewPodSelector().withMatchLabels(ownPods).endPodSelector().endFrom()
                .withPorts(ports)
                .endIngress()
                .addAllToIngress(metricsIngress(stack))
                .endSpec()
                .build();
    }

    private static List<NetworkPolicyIngressRule> metricsIngress(AICodeCraftStack stack) {
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        List<NetworkPolicyPort> ports = new ArrayList<>();
        if (PostgresExporter.applies(stack)) {
            ports.add(tcp(PostgresExporter.PORT));
        }
        if (RedisExporter.applies(stack)) {
            ports.add(tcp(RedisExporter.PORT));
        }
        if (!ports.isEmpty()) {
            rules.add(new NetworkPolicyIngressRuleBuilder().withPorts(ports).build());
        }
        return rules;
    }

    private static List<StackComponent> backends(AICodeCraftStack stack) {
        List<StackComponent> backends = new ArrayList<>();
        if (stack.getSpec().getPostgres().getManaged() != null) {
            backends.add(StackComponent.DATABASE);
        }
        if (stack.getSpec().getRedis().getManaged() != null) {
            backends.add(StackComponent.CACHE);
        }
        return backends;
    }

    private static NetworkPolicyPort tcp(int port) {
        return new NetworkPolicyPortBuilder().withProtocol("TCP").withPort(new IntOrString(port)).build();
    }
}
