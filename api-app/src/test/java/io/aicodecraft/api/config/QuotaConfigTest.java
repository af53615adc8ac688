package io.aicodecraft.api.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quota settings as environment variables, through Helidon's environment-variable mapping. */
class QuotaConfigTest {

    private static QuotaConfig fromEnvironment(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(Map.of("AICC_DB_URL", "jdbc:postgresql://db/aicc",
                "AICC_REDIS_URL", "redis://cache:6379"));
        all.putAll(variables);
        return ApiConfig.read(Config.just(ConfigSources.create(EnvironmentVariables.expand(all)))).quota();
    }

    @Test
    void builtInTiersWithStandardAsTheDefaultWhichHasNoDailyQuota() {
        QuotaConfig quota = fromEnvironment(Map.of());

        assertThat(quota.tiers()).containsOnlyKeys("standard", "free", "pro", "enterprise");
        Tier standard = quota.tierOf(Optional.empty());
        assertThat(standard.name()).isEqualTo("standard");
        assertThat(standard.ratePerMinute(120)).as("follows AICC_RATE_LIMIT_PER_MINUTE").isEqualTo(120);
        assertThat(standard.requestsPerDay()).as("an upgrade refuses nothing served before tiers")
                .isEqualTo(Tier.UNLIMITED);
        assertThat(standard.tokensPerDay()).isEqualTo(Tier.UNLIMITED);
        assertThat(quota.tier("free").orElseThrow().requestsPerDay()).isEqualTo(1_000);
        assertThat(quota.flushInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void variablesChangeABuiltInTierAndAddOne() {
        QuotaConfig quota = fromEnvironment(Map.of("AICC_QUOTA_TIERS_PRO_REQUESTS_PER_DAY", "7",
                "AICC_QUOTA_TIERS_TEAM_REQUESTS_PER_DAY", "50", "AICC_QUOTA_TIERS_TEAM_TOKENS_PER_DAY", "900",
                "AICC_QUOTA_TIERS_TEAM_RATE_PER_MINUTE", "30", "AICC_QUOTA_DEFAULT_TIER", "team",
                "AICC_QUOTA_FLUSH_INTERVAL", "2s"));

        assertThat(quota.tier("pro").orElseThrow().requestsPerDay()).isEqualTo(7);
        assertThat(quota.tier("pro").orElseThrow().tokensPerDay()).as("unchanged").isEqualTo(5_000_000);
        assertThat(quota.tierOf(Optional.empty())).isEqualTo(new Tier("team", Optional.of(30), 50, 900));
        assertThat(quota.flushInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aDefaultTierThatIsNoTierStopsTheStartWithItsName() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_QUOTA_DEFAULT_TIER", "gold")))
                .hasMessageContaining("aicc.quota.default.tier").hasMessageContaining("gold");
    }

    @Test
    void aKeyOfATierNoLongerConfiguredHasTheDefaultTier() {
        assertThat(QuotaConfig.defaults().tierOf(Optional.of("gone")).name()).isEqualTo("standard");
    }

    @Test
    void aQuotaGivenToTheStandardTierKeepsTheOtherCountUnlimited() {
        Tier standard = fromEnvironment(Map.of("AICC_QUOTA_TIERS_STANDARD_REQUESTS_PER_DAY", "5000")).tierOf(Optional.empty());

        assertThat(standard.requestsPerDay()).isEqualTo(5000);
        assertThat(standard.tokensPerDay()).isEqualTo(Tier.UNLIMITED);
    }
}
