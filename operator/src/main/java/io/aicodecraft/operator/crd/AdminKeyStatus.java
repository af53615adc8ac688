package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The API's admin key and its rotations (never a key). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class AdminKeyStatus {

    @JsonPropertyDescription("The Secret that holds the admin key (key `key`).")
    private String secret;

    @JsonPropertyDescription("When the admin key was last rotated (RFC 3339, UTC).")
    private String rotatedAt;

    @JsonPropertyDescription("The aicodecraft.io/rotate-credentials token of the latest rotation.")
    private String rotation;

    @JsonPropertyDescription("Until when the key the latest rotation replaced is still accepted (RFC 3339, UTC).")
    private String previousKeyExpires;

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public String getRotatedAt() {
        return rotatedAt;
    }

    public void setRotatedAt(String rotatedAt) {
        this.rotatedAt = rotatedAt;
    }

    public String getRotation() {
        return rotation;
    }

    public void setRotation(String rotation) {
        this.rotation = rotation;
    }

    public String getPreviousKeyExpires() {
        return previousKeyExpires;
    }

    public void setPreviousKeyExpires(String previousKeyExpires) {
        this.previousKeyExpires = previousKeyExpires;
    }
}
