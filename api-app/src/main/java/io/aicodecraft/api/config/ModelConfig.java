package io.aicodecraft.api.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Which code model answers, and how to reach it ({@code aicc.model.*}). */
public record ModelConfig(Provider provider, Optional<URI> baseUrl, Optional<String> name, Optional<String> apiKey,
                          Duration connectTimeout, Duration readTimeout) {

    public enum Provider { TEMPLATE, OPENAI }

    public ModelConfig {
        if (provider == Provider.OPENAI && (baseUrl.isEmpty() || name.isEmpty())) {
            throw new IllegalArgumentException(
                    "aicc.model.provider=openai needs aicc.model.base.url (AICC_MODEL_BASE_URL) and aicc.model.name (AICC_MODEL_NAME)");
        }
    }

    public static ModelConfig template() {
        return new ModelConfig(Provider.TEMPLATE, Optional.empty(), Optional.empty(), Optional.empty(),
                Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    static ModelConfig read(ConfigReader model) {
        String providerName = model.text("provider", "template");
        Provider provider = switch (providerName.toLowerCase(java.util.Locale.ROOT)) {
            case "template" -> Provider.TEMPLATE;
            case "openai" -> Provider.OPENAI;
            default -> throw new IllegalArgumentException(
                    "aicc.model.provider (AICC_MODEL_PROVIDER) '" + providerName + "' is not one of: template, openai");
        };
        Optional<URI> baseUrl = model.text("base.url").map(url -> {
            try {
                return URI.create(url.endsWith("/") ? url : url + "/");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("aicc.model.base.url (AICC_MODEL_BASE_URL) '" + url + "' is not a URL");
            }
        });
        return new ModelConfig(provider, baseUrl, model.text("name"), model.text("api.key"),
                model.duration("connect.timeout", Duration.ofSeconds(5)),
                model.duration("read.timeout", Duration.ofSeconds(60)));
    }

    @Override
    public String toString() {
        return "ModelConfig[" + provider + ", baseUrl=" + baseUrl.map(URI::toString).orElse("none")
                + ", name=" + name.orElse("none") + ", apiKey=" + (apiKey.isPresent() ? "***" : "none") + "]";
    }
}
