package io.aicodecraft.api.config;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Redis URL forms a tenant's Secret may hold (issue 10 item 1, the API's part). */
class RedisUrlTest {

    @Test
    void redissIsTlsAndItsPasswordIsUsed() {
        var config = RedisConfig.of("rediss://:s3cr%40t@redis.example.internal:6380/2");

        assertThat(config.tls()).isTrue();
        assertThat(config.host()).isEqualTo("redis.example.internal");
        assertThat(config.port()).isEqualTo(6380);
        assertThat(config.database()).isEqualTo(2);
        assertThat(config.password()).hasValue("s3cr@t");
    }

    @Test
    void aPasswordInARedisUrlIsKeptAndAUserBeforeItIgnored() {
        assertThat(RedisConfig.of("redis://default:pw@cache:6379").password()).hasValue("pw");
        assertThat(RedisConfig.of("redis://cache:6379").password()).isEmpty();
        assertThat(RedisConfig.of("redis://cache:6379").tls()).isFalse();
    }

    @Test
    void aPasswordSetOnItsOwnWinsOverTheUrls() {
        var reader = new ConfigReader(Config.just(ConfigSources.create(Map.of(
                "aicc.redis.url", "redis://:from-url@cache:6379", "aicc.redis.password", "on-its-own"))).get("aicc.redis"));

        assertThat(RedisConfig.read(reader).password()).isEqualTo(Optional.of("on-its-own"));
    }

    @Test
    void aBadUrlIsRefusedWithoutRepeatingItsPassword() {
        assertThatThrownBy(() -> RedisConfig.of("http://:hunter2@cache:6379"))
                .hasMessageContaining("redis[s]://").hasMessageNotContaining("hunter2");
    }
}
