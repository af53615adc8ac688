package io.aicodecraft.operator.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The credentials the operator generates and rotates, and when (never their values). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class CredentialsStatus {

    @JsonPropertyDescription("The API's login to the managed PostgreSQL.")
    private LoginStatus postgres;

    @JsonPropertyDescription("The API's admin key.")
    private AdminKeyStatus adminKey;

    public AdminKeyStatus getAdminKey() {
        return adminKey;
    }

    public void setAdminKey(AdminKeyStatus adminKey) {
        this.adminKey = adminKey;
    }

    @JsonPropertyDescription("The password of the managed PostgreSQL's owner, the role of the migrations, grants, backups and restores.")
    private PasswordStatus postgresOwner;

    public PasswordStatus getPostgresOwner() {
        return postgresOwner;
    }

    public void setPostgresOwner(PasswordStatus postgresOwner) {
        this.postgresOwner = postgresOwner;
    }

    @JsonPropertyDescription("The managed Redis's password.")
    private PasswordStatus redis;

    public PasswordStatus getRedis() {
        return redis;
    }

    public void setRedis(PasswordStatus redis) {
        this.redis = redis;
    }

    public LoginStatus getPostgres() {
        return postgres;
    }

    public void setPostgres(LoginStatus postgres) {
        this.postgres = postgres;
    }
}
