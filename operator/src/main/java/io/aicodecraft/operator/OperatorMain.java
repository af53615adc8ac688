package io.aicodecraft.operator;

public final class OperatorMain {
    public static void main(String[] args) {
    }
}
