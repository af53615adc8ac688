package io.aicodecraft.operator;

import io.aicodecraft.operator.runtime.OperatorSettings;
import io.aicodecraft.operator.testing.RealApiServer;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed start says what failed, on a real API server (issue 10 item 11). */
class OperatorStartupFailureTest {

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    @Test
    void aTakenPortIsNamedWithTheSettingThatChoseIt() throws IOException {
        try (var taken = new ServerSocket(0)) {
            String port = String.valueOf(taken.getLocalPort());
            var err = new ByteArrayOutputStream();

            int code = OperatorMain.run(environment(port), () -> client(config -> config), print(err));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("cannot serve health and metrics on port " + port)
                    .contains(OperatorSettings.HTTP_PORT);
        }
    }

    @Test
    void anIdentityWithoutPermissionsGetsTheApiServersAnswer() throws IOException {
        var err = new ByteArrayOutputStream();

        int code = OperatorMain.run(environment(freePort()), () -> client(config -> {
            config.setImpersonateUsername("system:serviceaccount:nowhere:nobody");
            return config;
        }), print(err));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("the API server answered 403")
                .contains("forbidden")
                .contains("aicodecraftstacks");
    }

    private static Map<String, String> environment(String port) {
        return Map.of(OperatorSettings.HTTP_PORT, port, OperatorSettings.LEADER_ELECTION_ENABLED, "false");
    }

    private static KubernetesClient client(UnaryOperator<Config> change) {
        return new KubernetesClientBuilder().withConfig(change.apply(Config.fromKubeconfig(SERVER.kubeConfigYaml())))
                .build();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
