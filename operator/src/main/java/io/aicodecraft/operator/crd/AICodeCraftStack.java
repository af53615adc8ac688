package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** One tenant's AICodeCraft stack: the API with its PostgreSQL, Redis and migrations. */
@Group(AICodeCraftStack.GROUP)
@Version(AICodeCraftStack.VERSION)
@ShortNames("acs")
@ValidationRule(value = SpecRules.NAME_FITS_DERIVED_NAMES, message = SpecRules.NAME_FITS_DERIVED_NAMES_MESSAGE)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "API Ready", jsonPath = ".status.apiReadyReplicas",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "Schema", jsonPath = ".status.schemaVersion", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
public class AICodeCraftStack extends CustomResource<AICodeCraftStackSpec, AICodeCraftStackStatus> implements Namespaced {

    public static final String GROUP = "aicodecraft.io";
    public static final String VERSION = "v1alpha1";
    public static final String KIND = "AICodeCraftStack";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    // overridden only to describe the two top-level fields for `kubectl explain acs`
    @Override
    @JsonPropertyDescription("What the tenant asks for: one AICodeCraft API with its PostgreSQL, Redis and migrations.")
    public AICodeCraftStackSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator observed: phase, conditions, schema version, endpoints and pool plan.")
    public AICodeCraftStackStatus getStatus() {
        return super.getStatus();
    }
}
