package io.aicodecraft.operator.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The CRD the fabric8 generator wrote into this build's classes. */
public final class GeneratedCrd {

    static final String RESOURCE = "META-INF/fabric8/aicodecraftstacks.aicodecraft.io-v1.yml";

    private GeneratedCrd() {
    }

    public static String text() {
        try (InputStream in = GeneratedCrd.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test classpath: did the crd-generator run?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CustomResourceDefinition parsed() {
        return Serialization.unmarshal(text(), CustomResourceDefinition.class);
    }
}
