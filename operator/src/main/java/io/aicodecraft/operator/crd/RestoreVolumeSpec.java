package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A dump file on a volume claim. */
@ValidationRule(value = SpecRules.PATH_INSIDE_CLAIM, message = "path is relative to the claim's root and has no '..'")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RestoreVolumeSpec {

    @JsonPropertyDescription("The claim, in this namespace; it is mounted read-only.")
    @Required
    private String claimName;

    @JsonPropertyDescription("The dump's path from the claim's root, e.g. dumps/team-a.dump (pg_dump's custom format).")
    @Required
    @Pattern("^[A-Za-z0-9_][A-Za-z0-9._/-]*$")
    private String path;

    public String getClaimName() {
        return claimName;
    }

    public void setClaimName(String claimName) {
        this.claimName = claimName;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
