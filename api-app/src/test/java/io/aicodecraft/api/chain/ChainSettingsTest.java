package io.aicodecraft.api.chain;

import io.aicodecraft.api.config.ApiConfig;
import io.aicodecraft.api.config.ChainConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code AICC_CHAIN_*} variables, through Helidon's environment-variable mapping. */
class ChainSettingsTest {

    private static ChainConfig fromEnvironment(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(Map.of("AICC_DB_URL", "jdbc:postgresql://db:5432/aicc",
                "AICC_REDIS_URL", "redis://cache:6379"));
        all.putAll(variables);
        return ApiConfig.read(Config.just(ConfigSources.create(EnvironmentVariables.expand(all)))).chains();
    }

    @Test
    void defaultsApplyWithoutVariables() {
        assertThat(fromEnvironment(Map.of())).isEqualTo(ChainConfig.defaults());
    }

    @Test
    void everyChainVariableIsRead() {
        ChainConfig chains = fromEnvironment(Map.of("AICC_CHAIN_WORKERS", "8", "AICC_CHAIN_CLAIM_IDLE", "45s",
                "AICC_CHAIN_RETRIES", "5", "AICC_CHAIN_STATE_TTL", "2h"));

        assertThat(chains).isEqualTo(new ChainConfig(8, Duration.ofSeconds(45), 5, Duration.ofHours(2)));
    }

    @Test
    void zeroWorkersMeansThisInstanceOnlyAcceptsChains() {
        assertThat(fromEnvironment(Map.of("AICC_CHAIN_WORKERS", "0")).workers()).isZero();
    }

    @Test
    void invalidValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_CHAIN_WORKERS", "-1")))
                .hasMessageContaining("aicc.chain.workers");
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_CHAIN_CLAIM_IDLE", "10ms")))
                .hasMessageContaining("aicc.chain.claim.idle");
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_CHAIN_STATE_TTL", "soon")))
                .hasMessageContaining("aicc.chain.state.ttl");
    }
}
