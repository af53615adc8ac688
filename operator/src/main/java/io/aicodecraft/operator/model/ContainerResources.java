package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.ResourceAmounts;
import io.aicodecraft.operator.crd.ResourcesSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/** A spec's requests and limits as a container's resource requirements; null when the spec sets none. */
final class ContainerResources {

    private ContainerResources() {
    }

    static ResourceRequirements of(ResourcesSpec spec) {
        if (spec == null) {
            return null;
        }
        Map<String, Quantity> requests = amounts(spec.getRequests());
        Map<String, Quantity> limits = amounts(spec.getLimits());
        if (requests.isEmpty() && limits.isEmpty()) {
            return null;
        }
        ResourceRequirementsBuilder builder = new ResourceRequirementsBuilder();
        if (!requests.isEmpty()) {
            builder.withRequests(requests);
        }
        if (!limits.isEmpty()) {
            builder.withLimits(limits);
        }
        return builder.build();
    }

    private static Map<String, Quantity> amounts(ResourceAmounts amounts) {
        Map<String, Quantity> map = new LinkedHashMap<>();
        if (amounts == null) {
            return map;
        }
        if (amounts.getCpu() != null) {
            map.put("cpu", new Quantity(amounts.getCpu()));
        }
        if (amounts.getMemory() != null) {
            map.put("memory", new Quantity(amounts.getMemory()));
        }
        return map;
    }
}
