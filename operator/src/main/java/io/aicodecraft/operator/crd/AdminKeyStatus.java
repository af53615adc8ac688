package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The API's admin key and its rotations (never a key). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AdminKeyStatus extends RotatedCredentialStatus {

    @JsonPropertyDescription("Until when the key the latest rotation replaced is still accepted (RFC 3339, UTC).")
    private String previousKeyExpires;

    public String getPreviousKeyExpires() {
        return previousKeyExpires;
    }

    public void setPreviousKeyExpires(String previousKeyExpires) {
        this.previousKeyExpires = previousKeyExpires;
    }
}
