package uz.qamrov.engine.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.Fixtures;
import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.measure.ChangeStats;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.CoverageModelBuilder;
import uz.qamrov.engine.measure.CoverageSettings;
import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.TransportLine;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.planner.terrain.EsriAsciiGridReader;

/**
 * Synthetic national-scale timing (not an assertion): ~12k settlements, 87k sites / ~250k cells, 6,000 km of
 * highways, 2,000 km of rail, ~313k km of fiber, 14 regions × 14 districts. Run with
 * {@code mvn -o test -Dtest=NationalRecomputeBenchmarkTest -Dqamrov.bench=true}; {@code -Dqamrov.bench.modes=} a
 * comma list of {@code wedges} (hard sectors), {@code flat} (radial patterns, the default) and {@code terrain}
 * (radial patterns over the national DEM), {@code -Dqamrov.bench.reps=} repetitions per mode (default 2).
 */
@EnabledIfSystemProperty(named = "qamrov.bench", matches = "true")
class NationalRecomputeBenchmarkTest {

    @Test
    void nationalRecompute() {
        SyntheticNation nation = SyntheticNation.generate(7, 87_000);
        List<AdminArea> areas = nation.areas();
        List<Settlement> settlements = nation.settlements();
        List<Site> sites = nation.sites();
        List<Cell> cells = nation.cells();
        List<TransportLine> lines = nation.lines();
        List<FiberRoute> fiber = nation.fiber();
        List<FiberNode> nodes = nation.nodes();
        System.out.printf("inputs: %d settlements, %d sites, %d cells, %d lines, %d fiber routes, %d nodes%n",
                settlements.size(), sites.size(), cells.size(), lines.size(), fiber.size(), nodes.size());

        Dem dem = null;
        String[] modes = System.getProperty("qamrov.bench.modes", "flat").split(",");
        int reps = Integer.getInteger("qamrov.bench.reps", 2);
        for (String mode : modes) {
            CoverageSettings settings = CoverageSettings.DEFAULTS.withRadio(mode.equals("wedges") ? RadioSettings.WEDGES
                    : RadioSettings.DEFAULTS);
            if (mode.equals("terrain") && dem == null) {
                dem = readDem();
            }
            Dem modelDem = mode.equals("terrain") ? dem : null;
            System.out.printf("== mode %s (%s)%n", mode, modelDem == null ? "no DEM" : "national DEM");
            for (int rep = 0; rep < reps; rep++) {
                long c0 = cpuMs();
                long t0 = System.nanoTime();
                CoverageModel model = new CoverageModelBuilder().adminAreas(areas).settlements(settlements).sites(sites)
                        .cells(cells).lines(lines).fiberRoutes(fiber).fiberNodes(nodes).settings(settings).terrain(modelDem)
                        .build();
                long t1 = System.nanoTime();
                long c1 = cpuMs();
                CoverageSnapshot snap = model.evaluate(LocalDate.of(2026, 6, 1), CoverageFilter.ANY);
                long t2 = System.nanoTime();
                long c2 = cpuMs();
                CoverageSnapshot snap2 = model.evaluate(LocalDate.of(2025, 6, 1), CoverageFilter.operator("ucell"));
                long t3 = System.nanoTime();
                System.out.printf("rep %d: build %d ms, evaluate %d ms, evaluate(other date+operator) %d ms, total %d ms;"
                        + " edges %d, indicators %d, stretches %d%n", rep, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                        (t3 - t2) / 1_000_000, (t2 - t0) / 1_000_000, model.edgeCount(), snap.indicators().values().size(),
                        snap.stretches().size());
                System.out.printf("  cpu: build %d ms, evaluate %d ms (process CPU over all threads)%n", c1 - c0, c2 - c1);
                // signal classes and gap reasons of the stored run (once per run; evaluate above does not include it)
                long cd0 = cpuMs();
                long td0 = System.nanoTime();
                uz.qamrov.engine.measure.SignalReport signals = model.diagnose(snap);
                long td1 = System.nanoTime();
                java.util.Map<String, Integer> reasons = new java.util.TreeMap<>();
                for (Settlement st : settlements) {
                    signals.settlement(st.id(), uz.qamrov.engine.model.Service.MOBILE_INTERNET)
                            .ifPresent(p -> reasons.merge(p.reason() == null ? "covered:" + p.signalClass().key()
                                    : p.reason().code().key(), 1, Integer::sum));
                }
                System.out.printf("  diagnose (levels, classes, gap reasons) %d ms, cpu %d ms; mobile_internet: %s%n",
                        (td1 - td0) / 1_000_000, cpuMs() - cd0, reasons);
                // every answer in one number: a change that should not alter the answers must keep it
                java.util.List<Object> all = new java.util.ArrayList<>();
                for (Settlement st : settlements) {
                    for (uz.qamrov.engine.model.Service sv : uz.qamrov.engine.model.Service.mobile()) {
                        all.add(signals.settlement(st.id(), sv).orElse(null));
                    }
                }
                all.addAll(signals.stretches());
                System.out.printf("  diagnose digest %08x over %d answers%n", all.toString().hashCode(), all.size());
                // a stored run of another date on the same model: the cells' level parts are kept from the first
                long cd2 = cpuMs();
                long td2 = System.nanoTime();
                model.diagnose(snap2);
                System.out.printf("  diagnose of another date and operator on the same model %d ms, cpu %d ms%n",
                        (System.nanoTime() - td2) / 1_000_000, cpuMs() - cd2);
                if (rep == reps - 1) {
                    // live heap with the model (and the DEM) reachable: a full GC, then used memory
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    System.out.printf("  heap after build: %d MB live (max heap %d MB)%n",
                            (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
                }
                System.out.printf("  national: mobile_internet %.3f, hsm pop %.3f, intl hsm %.3f, fiber %.0f km, sites %.0f%n",
                        snap.indicators().national(IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT).get().value(),
                        snap.indicators().national(IndicatorKeys.POPULATION_HIGH_SPEED_MOBILE_PCT).get().value(),
                        snap.indicators().national(IndicatorKeys.HIGHWAYS_INTERNATIONAL_HSM_PCT).get().value(),
                        snap.indicators().national(IndicatorKeys.FIBER_LENGTH_KM).get().value(),
                        snap2.indicators().national(IndicatorKeys.BASE_STATIONS_COUNT).get().value());

                // incremental: 1,000 sites replaced (their cells removed, new sites with new cells added)
                List<Long> removedCells = new ArrayList<>();
                List<Long> removedSites = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    removedSites.add((long) (i * 80 + 1));
                }
                for (Cell c : cells) {
                    if (c.siteId() % 80 == 1 && c.siteId() <= 80_000) {
                        removedCells.add(c.id());
                    }
                }
                List<Site> addSites = new ArrayList<>();
                List<Cell> addCells = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    Site old = sites.get(i * 80);
                    long id = 1_000_000 + i + rep * 10_000;
                    addSites.add(new Site(id, old.operator(), old.lon() + 0.001, old.lat(), Validity.ALWAYS));
                    for (int j = 0; j < 3; j++) {
                        addCells.add(new Cell(10_000_000 + id * 3 + j, id, old.operator(), Technology.G4, 800, 120.0 * j, 65, 35,
                                null, null, old.lon() + 0.001, old.lat(), Validity.ALWAYS));
                    }
                }
                long c4 = cpuMs();
                long t4 = System.nanoTime();
                ChangeStats stats = model.applySiteChanges(removedCells, addCells, removedSites, addSites);
                long t5 = System.nanoTime();
                long c5 = cpuMs();
                model.evaluate(LocalDate.of(2026, 6, 1), CoverageFilter.ANY);
                long t6 = System.nanoTime();
                System.out.printf("  incremental 1,000 sites (%d cells out, %d in): apply %d ms (%s), re-evaluate %d ms%n",
                        removedCells.size(), addCells.size(), (t5 - t4) / 1_000_000, stats, (t6 - t5) / 1_000_000);
                System.out.printf("  cpu: apply %d ms%n", c5 - c4);
            }
        }
    }

    static Dem readDem() {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("geodata/dem/uz_srtm30plus_1min.asc.gz")))) {
            return EsriAsciiGridReader.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Process CPU time in ms: the machine is shared, so wall time alone says little. */
    static long cpuMs() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }
}
