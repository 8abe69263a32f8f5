package uz.qamrov.geodata.calibration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import uz.qamrov.engine.measure.CoverageModel;

/**
 * The committed national dataset and the engine's model of it with the service's defaults (pattern radials with
 * terrain), built once per test JVM: the build costs ~1 min of CPU, and {@link CalibrationTest} and
 * {@link ShippedRadioModelTest} ask the same questions of the same model.
 */
final class ShippedModel {

    static final Path DIR = Path.of("geodata");

    private static GeodataInputs inputs;
    private static CoverageModel model;

    private ShippedModel() {
    }

    static synchronized GeodataInputs inputs() {
        if (inputs == null) {
            try {
                inputs = GeodataInputs.read(DIR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return inputs;
    }

    private static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    static synchronized CoverageModel model() {
        if (model == null) {
            GeodataInputs in = inputs();
            long cpu0 = cpuMs();
            long t0 = System.nanoTime();
            model = in.model();
            // a figure for docs/benchmarks.md: the shipped dataset's build with the service's default model
            System.out.printf("shipped model (%s): built in %d ms wall, %d ms process CPU (all threads)%n",
                    model.terrainDescription(), (System.nanoTime() - t0) / 1_000_000, cpuMs() - cpu0);
        }
        return model;
    }
}
