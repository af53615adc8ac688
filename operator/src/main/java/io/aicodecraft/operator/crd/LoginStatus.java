package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The database login the API uses and its rotations (never a password). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class LoginStatus extends RotatedCredentialStatus {

    @JsonPropertyDescription("The role the API logs in as.")
    private String role;

    @JsonPropertyDescription("The role a rotation in progress moves the API onto, once its new password is set.")
    private String rotatingTo;

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getRotatingTo() {
        return rotatingTo;
    }

    public void setRotatingTo(String rotatingTo) {
        this.rotatingTo = rotatingTo;
    }
}
