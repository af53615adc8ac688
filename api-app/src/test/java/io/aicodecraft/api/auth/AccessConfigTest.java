package io.aicodecraft.api.auth;

import io.aicodecraft.api.config.AccessConfig;
import io.aicodecraft.api.config.ApiConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The access settings as the operator writes them, through Helidon's environment-variable mapping. */
class AccessConfigTest {

    private static AccessConfig fromEnvironment(Map<String, String> variables) {
        Map<String, String> all = new HashMap<>(Map.of("AICC_DB_URL", "jdbc:postgresql://db/aicc",
                "AICC_REDIS_URL", "redis://cache:6379"));
        all.putAll(variables);
        return ApiConfig.read(Config.just(ConfigSources.create(EnvironmentVariables.expand(all)))).access();
    }

    @Test
    void defaultsAreNoAdminKeyA120BudgetFailingOpenAndNeverDevMode() {
        AccessConfig access = fromEnvironment(Map.of());

        assertThat(access.adminKey()).isEmpty();
        assertThat(access.requestsPerMinute()).isEqualTo(120);
        assertThat(access.failOpen()).isTrue();
        assertThat(access.devMode()).isFalse();
    }

    @Test
    void everyVariableIsRead() {
        AccessConfig access = fromEnvironment(Map.of("AICC_ADMIN_KEY", "0123456789abcdef-admin",
                "AICC_RATE_LIMIT_PER_MINUTE", "30", "AICC_RATE_LIMIT_FAIL_OPEN", "false"));

        assertThat(access.adminKey()).contains("0123456789abcdef-admin");
        assertThat(access.requestsPerMinute()).isEqualTo(30);
        assertThat(access.failOpen()).isFalse();
    }

    @Test
    void theAdminKeyIsNeverPrinted() {
        AccessConfig access = fromEnvironment(Map.of("AICC_ADMIN_KEY", "0123456789abcdef-admin"));

        assertThat(access.toString()).doesNotContain("0123456789abcdef-admin");
    }

    @Test
    void aRotationsPreviousKeyIsReadWithItsExpiry() {
        AccessConfig access = fromEnvironment(Map.of("AICC_ADMIN_KEY", "0123456789abcdef-new",
                "AICC_PREVIOUS_ADMIN_KEY", "0123456789abcdef-old", "AICC_PREVIOUS_KEY_EXPIRES", "2026-12-05T10:00:00Z"));

        assertThat(access.previousAdminKey()).hasValueSatisfying(previous -> {
            assertThat(previous.key()).isEqualTo("0123456789abcdef-old");
            assertThat(previous.expires()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        });
        assertThat(access.toString()).doesNotContain("0123456789abcdef-old");
    }

    @Test
    void aPreviousKeyWithoutAnExpiryOrWithANonsenseOneIsRefused() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_ADMIN_KEY", "0123456789abcdef-new",
                "AICC_PREVIOUS_ADMIN_KEY", "0123456789abcdef-old")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("go together");
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_ADMIN_KEY", "0123456789abcdef-new",
                "AICC_PREVIOUS_ADMIN_KEY", "0123456789abcdef-old", "AICC_PREVIOUS_KEY_EXPIRES", "tomorrow")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 3339");
    }

    @Test
    void aShortAdminKeyIsRefused() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_ADMIN_KEY", "secret")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AICC_ADMIN_KEY");
    }

    @Test
    void aZeroBudgetIsRefused() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_RATE_LIMIT_PER_MINUTE", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aicc.rate.limit.per.minute");
    }

    @Test
    void failOpenThatIsNotABooleanIsRefused() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("AICC_RATE_LIMIT_FAIL_OPEN", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aicc.rate.limit.fail.open");
    }
}
