package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.CertificateAuthority;
import io.aicodecraft.operator.model.ServerCertificate;
import io.aicodecraft.operator.model.ServerTlsSecret;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed PostgreSQL's certificate Secret. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.DATABASE))
public class PostgresTlsSecretDependent extends ServerTlsSecretDependent {

    @Override
    String secretName(AICodeCraftStack stack) {
        return StackNames.postgresTls(stack);
    }

    @Override
    String service(AICodeCraftStack stack) {
        return StackNames.postgres(stack);
    }

    @Override
    Secret build(AICodeCraftStack stack, ServerCertificate certificate, CertificateAuthority ca) {
        return ServerTlsSecret.postgres(stack, certificate, ca);
    }
}
