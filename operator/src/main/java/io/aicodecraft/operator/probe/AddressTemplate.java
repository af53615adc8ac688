package io.aicodecraft.operator.probe;

import io.fabric8.kubernetes.api.model.Service;
import java.net.URI;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A probe address written as a template: {@code {service}}, {@code {namespace}} and {@code {port}} are
 * replaced by the API Service's name, namespace and port. In the cluster it is {@link #CLUSTER_DNS};
 * an operator run elsewhere names an address it can reach, e.g. {@code http://127.0.0.1:8080} (one
 * forwarded API) or {@code http://{service}.{namespace}.example.net}.
 *
 * @param template the address with its placeholders; refused at once when it names anything else or
 *     is no http(s) address, so a typo in a setting stops the operator instead of failing every probe
 */
public record AddressTemplate(String template) implements ServiceAddressResolver {

    public static final String CLUSTER_DNS = "http://{service}.{namespace}.svc:{port}";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
    private static final Set<String> NAMES = Set.of("service", "namespace", "port");

    public AddressTemplate {
        var unknown = PLACEHOLDER.matcher(template).results().map(m -> m.group(1))
                .filter(name -> !NAMES.contains(name)).findFirst();
        if (unknown.isPresent()) {
            throw new IllegalArgumentException("'%s' names {%s}; an address template may name {service}, {namespace} and {port}"
                    .formatted(template, unknown.get()));
        }
        URI sample;
        try {
            sample = URI.create(fill(template, "api", "tenant", 8080));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'%s' is not an address: %s".formatted(template, e.getMessage()), e);
        }
        if (!Set.of("http", "https").contains(String.valueOf(sample.getScheme())) || sample.getHost() == null) {
            throw new IllegalArgumentException("'%s' is not an http(s) address such as %s or http://127.0.0.1:8080"
                    .formatted(template, CLUSTER_DNS));
        }
    }

    @Override
    public URI baseUri(Service service, int port) {
        return URI.create(fill(template, service.getMetadata().getName(), service.getMetadata().getNamespace(), port));
    }

    private static String fill(String template, String service, String namespace, int port) {
        return PLACEHOLDER.matcher(template).replaceAll(match -> Matcher.quoteReplacement(switch (match.group(1)) {
            case "service" -> service;
            case "namespace" -> namespace;
            default -> Integer.toString(port);
        }));
    }
}
