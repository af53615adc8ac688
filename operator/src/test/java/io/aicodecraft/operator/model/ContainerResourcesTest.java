package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.ResourceAmounts;
import io.aicodecraft.operator.crd.ResourcesSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every container gets requests and a memory limit; what the spec sets wins, and no default contradicts it. */
class ContainerResourcesTest {

    @Test
    void anUnsetSpecGetsTheComponentsDefaults() {
        var resources = ContainerResources.API.with(new ResourcesSpec());

        assertThat(resources.getRequests()).isEqualTo(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("512Mi")));
        assertThat(resources.getLimits()).isEqualTo(Map.of("memory", new Quantity("1Gi")));
    }

    @Test
    void whatTheSpecSetsIsKeptAndTheRestDefaulted() {
        var resources = ContainerResources.API.with(spec(amounts("2", null), amounts("4", null)));

        assertThat(resources.getRequests()).containsEntry("cpu", new Quantity("2")).containsEntry("memory", new Quantity("512Mi"));
        assertThat(resources.getLimits()).containsEntry("cpu", new Quantity("4")).containsEntry("memory", new Quantity("1Gi"));
    }

    @Test
    void aDefaultRequestIsLoweredToALimitTheSpecSetsAndADefaultLimitRaisedToItsRequest() {
        var lowLimit = ContainerResources.API.with(spec(null, amounts("100m", "256Mi")));
        var highRequest = ContainerResources.API.with(spec(amounts(null, "3Gi"), null));

        assertThat(lowLimit.getRequests()).containsEntry("cpu", new Quantity("100m")).containsEntry("memory", new Quantity("256Mi"));
        assertThat(highRequest.getLimits()).containsEntry("memory", new Quantity("3Gi"));
    }

    @Test
    void redisIsGivenItsMaxMemoryAndHeadroom() {
        var resources = ContainerResources.redis("256Mi").with(null);

        assertThat(resources.getRequests()).containsEntry("memory", new Quantity("384Mi"));
        assertThat(resources.getLimits()).containsEntry("memory", new Quantity("384Mi"));
    }

    private static ResourcesSpec spec(ResourceAmounts requests, ResourceAmounts limits) {
        var spec = new ResourcesSpec();
        spec.setRequests(requests);
        spec.setLimits(limits);
        return spec;
    }

    private static ResourceAmounts amounts(String cpu, String memory) {
        var amounts = new ResourceAmounts();
        amounts.setCpu(cpu);
        amounts.setMemory(memory);
        return amounts;
    }
}
