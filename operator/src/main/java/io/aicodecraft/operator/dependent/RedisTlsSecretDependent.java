package io.aicodecraft.operator.dependent;

import io.aicodecraft.operator.crd.AICodeCraftStack;
import io.aicodecraft.operator.model.CertificateAuthority;
import io.aicodecraft.operator.model.ServerCertificate;
import io.aicodecraft.operator.model.ServerTlsSecret;
import io.aicodecraft.operator.model.StackNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** The managed Redis's certificate Secret. */
@KubernetesDependent(informer = @Informer(labelSelector = Selectors.CACHE))
public class RedisTlsSecretDependent extends ServerTlsSecretDependent {

    @Override
    String secretName(AICodeCraftStack stack) {
        return StackNames.redisTls(stack);
    }

    @Override
    String service(AICodeCraftStack stack) {
        return StackNames.redis(stack);
    }

    @Override
    Secret build(AICodeCraftStack stack, ServerCertificate certificate, CertificateAuthority ca) {
        return ServerTlsSecret.redis(stack, certificate, ca);
    }
}
