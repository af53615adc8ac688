package io.aicodecraft.operator.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AddressTemplateTest {

    private static final Service API = new ServiceBuilder()
            .withNewMetadata().withName("team-a-api").withNamespace("tenant-a").endMetadata().build();

    @Test
    void clusterDnsNamesTheServiceInItsNamespace() {
        assertThat(ServiceAddressResolver.clusterDns().baseUri(API, 8080))
                .isEqualTo(URI.create("http://team-a-api.tenant-a.svc:8080"));
    }

    @Test
    void aTemplateWithoutPlaceholdersIsOneAddressForEveryStack() {
        assertThat(new AddressTemplate("http://127.0.0.1:18080").baseUri(API, 8080))
                .isEqualTo(URI.create("http://127.0.0.1:18080"));
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> new AddressTemplate("http://{name}.{namespace}:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{name}")
                .hasMessageContaining("{service}, {namespace} and {port}");
    }

    @Test
    void somethingOtherThanAnHttpAddressIsRefused() {
        assertThatThrownBy(() -> new AddressTemplate("{service}:{port}"))
                .hasMessageContaining("not an http(s) address");
        assertThatThrownBy(() -> new AddressTemplate("http://{service} {namespace}"))
                .hasMessageContaining("not an address");
    }
}
