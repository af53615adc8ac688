package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A generated password (the managed Redis's, the managed PostgreSQL owner's) and its rotations (never a password). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class PasswordStatus extends RotatedCredentialStatus {

    @JsonPropertyDescription("True while a rotation's new password waits for its Job to set it in the server.")
    private Boolean rotating;

    public Boolean getRotating() {
        return rotating;
    }

    public void setRotating(Boolean rotating) {
        this.rotating = rotating;
    }
}
