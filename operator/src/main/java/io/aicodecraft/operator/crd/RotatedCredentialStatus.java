package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What every rotated credential's status says: where it is kept and its latest rotation (never a value). */
public abstract class RotatedCredentialStatus {

    @JsonPropertyDescription("The Secret that holds it.")
    private String secret;

    @JsonPropertyDescription("When the value in use took effect (RFC 3339, UTC): for the API's credentials, when the API moved onto it.")
    private String rotatedAt;

    @JsonPropertyDescription("The aicodecraft.io/rotate-credentials token of the latest rotation.")
    private String rotation;

    @JsonPropertyDescription("Why the rotation under way is stuck, when its Job failed; the value in use stays in use.")
    private String problem;

    public String getProblem() {
        return problem;
    }

    public void setProblem(String problem) {
        this.problem = problem;
    }

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
}
