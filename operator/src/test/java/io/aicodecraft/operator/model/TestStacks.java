package io.aicodecraft.operator.model;

import io.aicodecraft.operator.crd.AICodeCraftStack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The stack fixtures under src/test/resources/stacks, read the way {@code render} reads a file. */
final class TestStacks {

    private TestStacks() {
    }

    static AICodeCraftStack load(String name) {
        try (InputStream in = TestStacks.class.getResourceAsStream("/stacks/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture stacks/" + name + ".yaml");
            }
            return StackFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidStackException e) {
            throw new IllegalStateException("fixture " + name + " is invalid: " + e.getMessage(), e);
        }
    }
}
