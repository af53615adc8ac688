package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.ResourceAmounts;
import io.aicodecraft.operator.crd.ResourcesSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A container's requests and limits: what the spec sets, and for the rest the component's defaults, so no
 * container runs unbounded. A default never contradicts what the spec sets: a default request is lowered to
 * the spec's limit, a default limit raised to the spec's request. No CPU limit by default: throttling a JVM or
 * PostgreSQL hurts more than sharing spare CPU.
 */
record ContainerResources(String cpuRequest, String memoryRequest, String memoryLimit) {

    static final ContainerResources API = new ContainerResources("250m", "512Mi", "1Gi");
    /** pg_dump streams, and the store step is a short-lived JVM copying a file. */
    static final ContainerResources BACKUP = new ContainerResources("100m", "256Mi", "512Mi");
    static final ContainerResources POSTGRES = new ContainerResources("250m", "256Mi", "1Gi");
    /** An exporter serving a few hundred series to one scraper. */
    static final ContainerResources EXPORTER = new ContainerResources("10m", "32Mi", "128Mi");
    /** One redis-cli command. */
    static final ContainerResources REDIS_TOOL = new ContainerResources("10m", "16Mi", "64Mi");

    private static final BigInteger MIB = BigInteger.valueOf(1024 * 1024);
    private static final BigInteger REDIS_HEADROOM = BigInteger.valueOf(128).multiply(MIB);

    /** Redis holds maxmemory of data plus its buffers and fragmentation: 128Mi more, requested and limited. */
    static ContainerResources redis(String maxMemory) {
        BigInteger bytes = new BigInteger(RedisDeployment.maxMemoryBytes(maxMemory)).add(REDIS_HEADROOM);
        String memory = bytes.mod(MIB).signum() == 0 ? bytes.divide(MIB) + "Mi" : bytes.toString();
        return new ContainerResources("100m", memory, memory);
    }

    ResourceRequirements with(ResourcesSpec spec) {
        Map<String, Quantity> requests = amounts(spec == null ? null : spec.getRequests());
        Map<String, Quantity> limits = amounts(spec == null ? null : spec.getLimits());
        requests.putIfAbsent("cpu", atMost(new Quantity(cpuRequest), limits.get("cpu")));
        requests.putIfAbsent("memory", atMost(new Quantity(memoryRequest), limits.get("memory")));
        limits.putIfAbsent("memory", atLeast(new Quantity(memoryLimit), requests.get("memory")));
        return new ResourceRequirementsBuilder().withRequests(requests).withLimits(limits).build();
    }

    private static Quantity atMost(Quantity wanted, Quantity bound) {
        return bound != null && amount(wanted).compareTo(amount(bound)) > 0 ? bound : wanted;
    }

    private static Quantity atLeast(Quantity wanted, Quantity bound) {
        return amount(wanted).compareTo(amount(bound)) < 0 ? bound : wanted;
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity.getNumericalAmount();
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
