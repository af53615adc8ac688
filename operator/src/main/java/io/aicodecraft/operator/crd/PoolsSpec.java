package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Connection pools of each API pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class PoolsSpec {

    @JsonPropertyDescription("The HikariCP pool to PostgreSQL.")
    private DatabasePoolSpec database = new DatabasePoolSpec();

    @JsonPropertyDescription("The Jedis pool to Redis.")
    private RedisPoolSpec redis = new RedisPoolSpec();

    public DatabasePoolSpec getDatabase() {
        return database;
    }

    public void setDatabase(DatabasePoolSpec database) {
        this.database = database;
    }

    public RedisPoolSpec getRedis() {
        return redis;
    }

    public void setRedis(RedisPoolSpec redis) {
        this.redis = redis;
    }
}
