package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;

/** Which of a stack's dumps a backup run keeps: with both set, a dump goes when either says so. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class BackupRetentionSpec {

    @JsonPropertyDescription("Keep at most this many of the newest dumps.")
    @Min(1)
    @Nullable
    private Integer count;

    @JsonPropertyDescription("Delete dumps older than this, e.g. 30d (500ms, 5s, 30m, 1h or 2d); the newest dump is always kept.")
    @Pattern(SpecFormats.DURATION)
    @Nullable
    private String age;

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public String getAge() {
        return age;
    }

    public void setAge(String age) {
        this.age = age;
    }
}
