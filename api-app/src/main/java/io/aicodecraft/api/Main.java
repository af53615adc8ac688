package io.aicodecraft.api;

public final class Main {
    public static void main(String[] args) {
    }
}
