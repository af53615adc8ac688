package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** The code model the API calls. */
@ValidationRule(value = SpecRules.OPENAI_NEEDS_ENDPOINT, message = "provider openai needs baseUrl and model")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class ModelSpec {

    @JsonPropertyDescription("template: the offline template model; openai: an OpenAI-compatible HTTP endpoint (baseUrl, model, apiKeySecretRef).")
    @Default("template")
    // an unreadable value, read as null, must survive JOSDK's copy of the stack to be reported
    @JsonInclude(JsonInclude.Include.ALWAYS)
    private ModelProvider provider = ModelProvider.TEMPLATE;

    @JsonPropertyDescription("Base URL of the OpenAI-compatible endpoint (provider openai).")
    private String baseUrl;

    @JsonPropertyDescription("Model name sent to the endpoint (provider openai).")
    private String model;

    @JsonPropertyDescription("Secret key holding the endpoint's API key (provider openai).")
    private SecretKeyReference apiKeySecretRef;

    public ModelProvider getProvider() {
        return provider;
    }

    public void setProvider(ModelProvider provider) {
        this.provider = provider;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public SecretKeyReference getApiKeySecretRef() {
        return apiKeySecretRef;
    }

    public void setApiKeySecretRef(SecretKeyReference apiKeySecretRef) {
        this.apiKeySecretRef = apiKeySecretRef;
    }
}
