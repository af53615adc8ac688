package io.aicodecraft.api;

import io.aicodecraft.api.config.ModelConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A taken port stops the start with the port and the setting that chose it (issue 11 item 7). */
class BusyPortTest {

    @Test
    void aTakenPortIsNamedWithItsSetting() throws IOException {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var config = TestServers.shared().api(ModelConfig.template()).withHttpPort(taken.getLocalPort());

            assertThatThrownBy(() -> ApiServer.start(config, "127.0.0.1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("AICC_HTTP_PORT");
        }
    }
}
