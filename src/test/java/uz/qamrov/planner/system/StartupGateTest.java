package uz.qamrov.planner.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The start-up gate is DOWN (naming what runs) while any hold is open, and UP once every one is released. */
class StartupGateTest {

    @Test
    void downWhileAnyHoldIsOpen() {
        StartupGate gate = new StartupGate();
        assertThat(gate.health().getStatus()).isEqualTo(Status.UP);

        StartupGate.Hold geodata = gate.hold("loading geodata");
        StartupGate.Hold model = gate.hold("building the first coverage model");
        assertThat(gate.isOpen()).isFalse();
        assertThat(gate.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(gate.health().getDetails().get("pending"))
                .isEqualTo(List.of("building the first coverage model", "loading geodata"));

        geodata.release();
        geodata.release(); // releasing twice is harmless
        assertThat(gate.pending()).containsExactly("building the first coverage model");
        assertThat(gate.health().getStatus()).isEqualTo(Status.DOWN);

        try (StartupGate.Hold h = model) {
            assertThat(gate.isOpen()).isFalse();
        }
        assertThat(gate.isOpen()).isTrue();
        assertThat(gate.health().getStatus()).isEqualTo(Status.UP);
    }
}
