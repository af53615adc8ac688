package io.aicodecraft.operator.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.aicodecraft.operator.OperatorMain;
import io.aicodecraft.operator.RenderCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorMainTest {

    @Test
    void renderIsDelegatedToTheRenderCommandWithItsArguments() {
        String example = Repository.EXAMPLES.resolve("minimal.yaml").toString();
        var viaMain = new Outcome();
        var direct = new Outcome();

        viaMain.code = OperatorMain.command(List.of("render", "-f", example), viaMain.out(), viaMain.err());
        direct.code = RenderCommand.run(List.of("-f", example), direct.out(), direct.err());

        assertThat(viaMain.code).isZero().isEqualTo(direct.code);
        assertThat(viaMain.stdout()).isNotBlank().isEqualTo(direct.stdout());
    }

    @Test
    void renderOfAMissingFileFailsWithTheRenderCommandsExitCode() {
        var outcome = new Outcome();

        outcome.code = OperatorMain.command(List.of("render", "-f", "no-such-stack.yaml"), outcome.out(), outcome.err());

        assertThat(outcome.code).isNotZero();
        assertThat(outcome.stderr()).contains("no-such-stack.yaml");
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExits2() {
        var outcome = new Outcome();

        outcome.code = OperatorMain.command(List.of("deploy"), outcome.out(), outcome.err());

        assertThat(outcome.code).isEqualTo(2);
        assertThat(outcome.stderr()).contains("unknown command: deploy").contains("usage:").contains("render -f");
        assertThat(outcome.stdout()).isEmpty();
    }

    /** What a command printed and returned. */
    private static final class Outcome {
        private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        private int code;

        PrintStream out() {
            return new PrintStream(stdout, true, StandardCharsets.UTF_8);
        }

        PrintStream err() {
            return new PrintStream(stderr, true, StandardCharsets.UTF_8);
        }

        String stdout() {
            return stdout.toString(StandardCharsets.UTF_8);
        }

        String stderr() {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }
}
