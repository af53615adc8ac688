package io.aicodecraft.operator.apiserver;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.crd.DeletionPolicy;
import io.aicodecraft.operator.probe.ServiceAddressResolver;
import io.aicodecraft.operator.testing.ReadyEndpoint;
import io.aicodecraft.operator.testing.RealApiServer;
import io.aicodecraft.operator.testing.ReconcileCounter;
import io.aicodecraft.operator.testing.RunningOperator;
import io.aicodecraft.operator.testing.StackDriver;
import io.aicodecraft.operator.testing.TestStacks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's probe of each API runs off the reconcile threads (issue 10 item 8): an API that takes
 * connections and never answers holds up neither its own stack's reconciles nor another stack's probe
 * and Ready. The test plays the kubelet; the probes reach servers on 127.0.0.1.
 */
class ApiProbeOnApiServerTest {

    /** Longer than every wait of the test: the silent API's probe is still waiting when the test ends. */
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(90);
    /** Much less than the probe timeout: what waited on the probe could not be this quick. */
    private static final Duration PROMPTLY = Duration.ofSeconds(15);
    private static final String SILENT = "silent";

    @RegisterExtension
    static final RealApiServer SERVER = new RealApiServer();

    /** Takes connections (the kernel's backlog) and never reads or answers a request. */
    private static ServerSocket silentApi;
    private static ReadyEndpoint answeringApi;
    private static RunningOperator operator;
    private static StackDriver driver;

    @BeforeAll
    static void startOperator() throws IOException {
        silentApi = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        answeringApi = new ReadyEndpoint();
        URI silent = URI.create("http://127.0.0.1:" + silentApi.getLocalPort());
        ServiceAddressResolver addresses = (service, port) ->
                SILENT.equals(service.getMetadata().getNamespace()) ? silent : answeringApi.baseUri();
        operator = RunningOperator.start(SERVER.client(), addresses, new ReconcileCounter(),
                // no resync in the test's time: what reconciles a stack then is an event, the probe's answer too
                options -> options.withProbeTimeout(PROBE_TIMEOUT).withResyncInterval(Duration.ofHours(1)));
        driver = new StackDriver(SERVER.client());
    }

    @AfterAll
    static void stop() throws IOException {
        if (operator != null) {
            operator.close();
        }
        if (answeringApi != null) {
            answeringApi.close();
        }
        if (silentApi != null) {
            silentApi.close();
        }
    }

    @Test
    void anApiThatNeverAnswersStallsNeitherItsStacksReconcilesNorAnotherStacksReady() {
        var silent = driver.rollOut(TestStacks.minimal(SERVER.namespace(SILENT), "team-a"));
        // the reconcile that finds the pods available is done at once; the probe that follows is waiting
        await().atMost(PROMPTLY).untilAsserted(() -> {
            assertThat(driver.status(silent).getApiReadyReplicas()).isEqualTo(2);
            assertApiReady(silent, "False", "ApiProbePending");
        });

        var answering = driver.rollOut(TestStacks.minimal(SERVER.namespace("answering"), "team-b"));
        await().atMost(PROMPTLY).untilAsserted(() -> {
            assertApiReady(answering, "True", "ApiAvailable");
            assertThat(driver.condition(answering, "Ready")).hasValueSatisfying(c ->
                    assertThat(c.getStatus()).isEqualTo("True"));
        });

        // a change that leaves the API Deployment as it is
        var edited = driver.edit(silent, s -> {
            s.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
            return s;
        });
        await().atMost(PROMPTLY).untilAsserted(() -> assertThat(driver.status(silent).getObservedGeneration())
                .isEqualTo(edited.getMetadata().getGeneration()));
        assertApiReady(silent, "False", "ApiProbePending");
    }

    private static void assertApiReady(AICodeCraftStack stack, String status, String reason) {
        assertThat(driver.condition(stack, "ApiReady")).hasValueSatisfying(c -> {
            assertThat(c.getStatus()).isEqualTo(status);
            assertThat(c.getReason()).isEqualTo(reason);
        });
    }
}
