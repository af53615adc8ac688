package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The API's login to the managed PostgreSQL. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CredentialsSpec {

    @JsonPropertyDescription("When to rotate the API's login role password on its own, besides each new aicodecraft.io/rotate-credentials token: a cron expression of five fields or @daily, @weekly, @monthly, @yearly, in UTC, e.g. \"@monthly\". Unset: only on a token.")
    private String rotationSchedule;

    public String getRotationSchedule() {
        return rotationSchedule;
    }

    public void setRotationSchedule(String rotationSchedule) {
        this.rotationSchedule = rotationSchedule;
    }
}
