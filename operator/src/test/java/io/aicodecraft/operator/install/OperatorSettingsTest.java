package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aicodecraft.operator.reconciler.StackOperatorOptions;
import io.aicodecraft.operator.runtime.OperatorSettings;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

    private static final Runnable NOTHING = () -> { };
    private static final Service API_SERVICE = new ServiceBuilder()
            .withNewMetadata().withName("team-a-api").withNamespace("tenant-a").endMetadata().build();

    @Test
    void anEmptyEnvironmentWatchesAllNamespacesWithLeaderElection() {
        var settings = OperatorSettings.fromEnvironment(Map.of());

        assertThat(settings.watchNamespaces()).isEmpty();
        assertThat(settings.leaderElection()).isTrue();
        assertThat(settings.leaseName()).isEqualTo("aicodecraft-operator-leader");
        assertThat(settings.leaseNamespace()).isNull();
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.probeTimeout()).isEqualTo(StackOperatorOptions.defaults().probeTimeout());
        assertThat(settings.probeInterval()).isEqualTo(StackOperatorOptions.defaults().probeInterval());
    }

    @Test
    void watchNamespacesIsACommaSeparatedListIgnoringBlanks() {
        var settings = OperatorSettings.fromEnvironment(Map.of("WATCH_NAMESPACES", " tenant-a, ,tenant-b,tenant-a "));

        assertThat(settings.watchNamespaces()).containsExactlyInAnyOrder("tenant-a", "tenant-b");
    }

    @Test
    void aMalformedNamespaceIsRefusedByName() {
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("WATCH_NAMESPACES", "tenant-a,Tenant_B")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WATCH_NAMESPACES")
                .hasMessageContaining("'Tenant_B'");
    }

    @Test
    void theLeaseNamespaceDefaultsToThePodsOwn() {
        var settings = OperatorSettings.fromEnvironment(Map.of("POD_NAMESPACE", "aicodecraft-system",
                "POD_NAME", "operator-7d9f-abcde"));

        var election = settings.leaderElectionConfiguration(NOTHING);
        assertThat(election.getLeaseNamespace()).contains("aicodecraft-system");
        assertThat(election.getLeaseName()).isEqualTo("aicodecraft-operator-leader");
        assertThat(election.getIdentity()).contains("operator-7d9f-abcde");
    }

    @Test
    void anExplicitLeaseNamespaceAndNameWin() {
        var settings = OperatorSettings.fromEnvironment(Map.of("POD_NAMESPACE", "aicodecraft-system",
                "LEADER_ELECTION_LEASE_NAMESPACE", "ops", "LEADER_ELECTION_LEASE_NAME", "acs-leader"));

        var election = settings.leaderElectionConfiguration(NOTHING);
        assertThat(election.getLeaseNamespace()).contains("ops");
        assertThat(election.getLeaseName()).isEqualTo("acs-leader");
    }

    @Test
    void losingTheLeaseRunsTheGivenActionInsteadOfJosdksExit() {
        var lost = new java.util.concurrent.atomic.AtomicInteger();

        var election = OperatorSettings.fromEnvironment(Map.of()).leaderElectionConfiguration(lost::incrementAndGet);
        election.getLeaderCallbacks().orElseThrow().onStopLeading();

        assertThat(election.isExitOnStopLeading()).isFalse();
        assertThat(lost).hasValue(1);
    }

    @Test
    void leaderElectionCanBeTurnedOff() {
        var settings = OperatorSettings.fromEnvironment(Map.of("LEADER_ELECTION_ENABLED", "false"));

        assertThat(settings.leaderElectionConfiguration(NOTHING)).isNull();
    }

    @Test
    void aNonBooleanLeaderElectionIsRefusedByName() {
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("LEADER_ELECTION_ENABLED", "yes")))
                .hasMessageContaining("LEADER_ELECTION_ENABLED").hasMessageContaining("'yes'");
    }

    @Test
    void aPortOutOfRangeIsRefusedByName() {
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("HTTP_PORT", "70000")))
                .hasMessageContaining("HTTP_PORT").hasMessageContaining("'70000'");
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("HTTP_PORT", "http")))
                .hasMessageContaining("HTTP_PORT");
    }

    @Test
    void probeDurationsReadMillisecondsSecondsAndMinutes() {
        var settings = OperatorSettings.fromEnvironment(Map.of("PROBE_TIMEOUT", "500ms", "PROBE_INTERVAL", "2m"));

        assertThat(settings.probeTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.probeInterval()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aZeroOrMalformedDurationIsRefusedByName() {
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("PROBE_TIMEOUT", "0s")))
                .hasMessageContaining("PROBE_TIMEOUT");
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("PROBE_INTERVAL", "30 seconds")))
                .hasMessageContaining("PROBE_INTERVAL").hasMessageContaining("'30 seconds'");
    }

    @Test
    void theProbeIsOnAndUsesClusterDnsUnlessSetOtherwise() {
        var options = OperatorSettings.fromEnvironment(Map.of())
                .applyTo(StackOperatorOptions.defaults(), Metrics.NOOP, NOTHING);

        assertThat(options.probeEnabled()).isTrue();
        assertThat(options.addressResolver().baseUri(API_SERVICE, 8080))
                .isEqualTo(URI.create("http://team-a-api.tenant-a.svc:8080"));
    }

    @Test
    void theProbeCanBeTurnedOffAndPointedElsewhere() {
        var options = OperatorSettings.fromEnvironment(Map.of("PROBE_ENABLED", "false",
                        "PROBE_ADDRESS", "http://{service}.{namespace}.example.net:{port}"))
                .applyTo(StackOperatorOptions.defaults(), Metrics.NOOP, NOTHING);

        assertThat(options.probeEnabled()).isFalse();
        assertThat(options.addressResolver().baseUri(API_SERVICE, 8080))
                .isEqualTo(URI.create("http://team-a-api.tenant-a.example.net:8080"));
    }

    @Test
    void aProbeAddressWithAnUnknownPlaceholderIsRefusedByName() {
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("PROBE_ADDRESS", "http://{host}:8080")))
                .hasMessageContaining("PROBE_ADDRESS").hasMessageContaining("{host}");
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("PROBE_ENABLED", "off")))
                .hasMessageContaining("PROBE_ENABLED").hasMessageContaining("'off'");
    }

    @Test
    void settingsApplyToTheOperatorOptions() {
        var settings = OperatorSettings.fromEnvironment(Map.of("WATCH_NAMESPACES", "tenant-a",
                "PROBE_TIMEOUT", "3s", "POD_NAMESPACE", "ops"));

        var options = settings.applyTo(StackOperatorOptions.defaults().withServerSideApply(false), Metrics.NOOP, NOTHING);

        assertThat(options.namespaces()).containsExactly("tenant-a");
        assertThat(options.probeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.leaderElection().getLeaseNamespace()).contains("ops");
        assertThat(options.serverSideApply()).as("the base's switch is kept").isFalse();
    }
}
