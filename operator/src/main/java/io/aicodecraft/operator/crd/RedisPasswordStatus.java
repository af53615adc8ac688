package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The managed Redis's password and its rotations (never a password). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class RedisPasswordStatus extends RotatedCredentialStatus {

    @JsonPropertyDescription("True while a rotation's new password waits to be added to Redis.")
    private Boolean rotating;

    public Boolean getRotating() {
        return rotating;
    }

    public void setRotating(Boolean rotating) {
        this.rotating = rotating;
    }
}
