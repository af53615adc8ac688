package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** CPU and memory as Kubernetes quantities. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ResourceAmounts {

    @JsonPropertyDescription("CPU quantity, e.g. 250m or 1.")
    @Pattern(SpecFormats.QUANTITY)
    private String cpu;

    @JsonPropertyDescription("Memory quantity, e.g. 384Mi or 1Gi.")
    @Pattern(SpecFormats.QUANTITY)
    private String memory;

    public String getCpu() {
        return cpu;
    }

    public void setCpu(String cpu) {
        this.cpu = cpu;
    }

    public String getMemory() {
        return memory;
    }

    public void setMemory(String memory) {
        this.memory = memory;
    }
}
