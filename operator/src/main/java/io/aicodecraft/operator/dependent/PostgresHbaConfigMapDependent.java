package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.PostgresHbaConfigMap;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.Updater;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/** The managed PostgreSQL's TLS-only pg_hba.conf, which its StatefulSet mounts when TLS is on. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresHbaConfigMapDependent extends StackOwnedDependent<ConfigMap>
        implements Creator<ConfigMap, AICodeCraftStack>, Updater<ConfigMap, AICodeCraftStack> {

    public PostgresHbaConfigMapDependent() {
        super(ConfigMap.class);
    }

    @Override
    protected ConfigMap desired(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return PostgresHbaConfigMap.build(stack);
    }

    @Override
    protected ResourceID targetSecondaryResourceID(AICodeCraftStack stack, Context<AICodeCraftStack> context) {
        return new ResourceID(StackNames.postgresHba(stack), stack.getMetadata().getNamespace());
    }
}
