package uz.qamrov.engine.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link PathLossModel#lossFor} against {@link PathLossModel#pathLossDb}, bit for bit, for every model on random
 * links (every environment, 800–3500 MHz, masts 5–80 m, mobiles 1–10 m) from 1 m to 60 km: the per-link constants
 * must not move a single answer.
 */
class LinkLossTest {

    @Test
    void sameBitsAsPathLoss() {
        long seed = Long.getLong("qamrov.seed", 23L);
        Random rnd = new Random(seed);
        PathLossModel[] models = {OkumuraHata.INSTANCE, Cost231Hata.INSTANCE, Tr38901.INSTANCE};
        EnvironmentClass[] envs = EnvironmentClass.values();
        int compared = 0;
        for (int k = 0; k < 3000; k++) {
            PathLossModel model = models[k % models.length];
            RadioLink link = new RadioLink(800 + 2700 * rnd.nextDouble(), 5 + 75 * rnd.nextDouble(),
                    rnd.nextInt(3) == 0 ? 1 + 9 * rnd.nextDouble() : 1.5, envs[rnd.nextInt(envs.length)]);
            PathLossModel.LinkLoss loss = model.lossFor(link);
            for (int i = 0; i < 300; i++) {
                double dKm = Math.exp(Math.log(0.001) + Math.log(60_000) * rnd.nextDouble());
                double expected = model.pathLossDb(dKm, link);
                assertThat(Double.doubleToRawLongBits(loss.pathLossDb(dKm)))
                        .as("%s %s at %s km (seed %d)", model.name(), link, dKm, seed)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(900_000);
    }
}
