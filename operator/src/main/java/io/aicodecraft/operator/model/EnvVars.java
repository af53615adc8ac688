package io.aicodecraft.operator.model;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;

/** Container environment variables: plain values, or one key of a Secret so the value never enters the spec. */
final class EnvVars {

    private EnvVars() {
    }

    static EnvVar plain(String name, String value) {
        return new EnvVarBuilder().withName(name).withValue(value).build();
    }

    /** A key the Secret may lack: the variable is then unset, and the pod still starts. */
    static EnvVar fromOptionalSecret(String name, String secret, String key) {
        EnvVar variable = fromSecret(name, secret, key);
        variable.getValueFrom().getSecretKeyRef().setOptional(true);
        return variable;
    }

    static EnvVar fromSecret(String name, String secret, String key) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom().withNewSecretKeyRef().withName(secret).withKey(key).endSecretKeyRef().endValueFrom()
                .build();
    }
}
