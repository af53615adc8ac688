package io.aicodecraft.operator.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Another project's own CRDs, as its pinned release ships them: read from its Go module, which {@code go mod download}
 * fetches through the Go module proxy into Go's module cache (outside the repository, once per machine), so every
 * object of those kinds the operator writes is checked by that project's schema on the real API server.
 *
 * @param module  the Go module
 * @param version its pinned release
 * @param folder  where in the module the CRD files are
 * @param files   the CRD files
 */
public record GoModuleCrds(String module, String version, String folder, List<String> files) {

    public static final GoModuleCrds CERT_MANAGER = new GoModuleCrds("github.com/cert-manager/cert-manager", "v1.21.2",
            "deploy/crds", List.of("cert-manager.io_certificates.yaml", "cert-manager.io_certificaterequests.yaml",
            "cert-manager.io_issuers.yaml", "cert-manager.io_clusterissuers.yaml"));
    public static final GoModuleCrds PROMETHEUS_OPERATOR = new GoModuleCrds(
            "github.com/prometheus-operator/prometheus-operator", "v0.85.0", "example/prometheus-operator-crd",
            List.of("monitoring.coreos.com_servicemonitors.yaml", "monitoring.coreos.com_podmonitors.yaml",
                    "monitoring.coreos.com_prometheusrules.yaml"));

    public List<CustomResourceDefinition> load() {
        Path crds = moduleDirectory().resolve(folder);
        return files.stream().map(file -> {
            try {
                return Serialization.unmarshal(Files.readString(crds.resolve(file)), CustomResourceDefinition.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private Path moduleDirectory() {
        String download = GoToolchain.go(Path.of("."), "mod", "download", "-json", module + "@" + version);
        try {
            return Path.of(new ObjectMapper().readTree(download).path("Dir").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
