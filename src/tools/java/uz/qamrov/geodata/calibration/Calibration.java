package uz.qamrov.geodata.calibration;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uz.qamrov.engine.measure.CoverageFilter;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.measure.IndicatorKeys;
import uz.qamrov.engine.measure.IndicatorValue;
import uz.qamrov.engine.measure.Indicators;
import uz.qamrov.engine.measure.SettlementCoverage;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.TransportLine;

/**
 * Published figures against what the real engine computes from the dataset's files: the calibration table of
 * {@code geodata/README.md}. {@code CalibrationTest} runs the same comparison on the committed files.
 *
 * <p>Run: {@code scripts/geodata/calibrate.sh} (prints the table; exit code 1 when a figure is out of tolerance).
 */
public final class Calibration {

    /** The dataset's "today": rows commissioned later are planned. */
    public static final LocalDate SNAPSHOT = LocalDate.of(2025, 9, 30);

    /**
     * One published figure (or labelled assumption) and its accepted range.
     *
     * @param value the engine's value from the dataset, in API units (percent, km, count)
     */
    public record Figure(String when, String what, String published, String source, double lo, double hi, double value) {
        public boolean ok() {
            return value >= lo - 1e-9 && value <= hi + 1e-9;
        }
    }

    private Calibration() {
    }

    public static List<Figure> figures(GeodataInputs in, CoverageModel model, Path dir, Terrain terrain)
            throws java.io.IOException {
        List<Figure> f = new ArrayList<>();
        double isKm = 0;
        double tsbKm = 0;
        for (TransportLine l : in.lines()) {
            double km = model.lineLengthKm(l.id(), l.kind());
            if (l.kind() == LineKind.HIGHWAY && ("international".equals(l.lineClass()) || "state".equals(l.lineClass()))) {
                isKm += km;
            }
            if (l.kind() == LineKind.RAILWAY && IndicatorKeys.RAIL_CORRIDOR_KEY.equals(l.key())) {
                tsbKm += km;
            }
        }
        f.add(new Figure("roadmap", "international + state highways, km", "5,108", "roadmap I.7", 5108 * 0.99, 5108 * 1.01, isKm));
        f.add(new Figure("roadmap", "Tashkent–Samarkand–Bukhara railway, km", "605", "roadmap I.7", 605 * 0.99, 605 * 1.01, tsbKm));

        Indicators y16 = model.indicators(LocalDate.of(2016, 12, 31), CoverageFilter.ANY);
        f.add(new Figure("2016-12-31", "settlements with mobile internet, %", "~92", "kun.uz 2016-09-21", 90, 94,
                pct(y16, IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_PCT)));
        Indicators y22 = model.indicators(LocalDate.of(2022, 12, 31), CoverageFilter.ANY);
        f.add(new Figure("2022-12-31", "households with fixed broadband possible, %", "< 75 (assumption: ≤ 71)",
                "roadmap I.2 implies below 75 before 2023", 0, 71, pct(y22, IndicatorKeys.HOUSEHOLDS_FIXED_BROADBAND_PCT)));
        Indicators y23 = model.indicators(LocalDate.of(2023, 12, 31), CoverageFilter.ANY);
        f.add(new Figure("2023-12-31", "international highways with 4G, %", "≈ 80 (20 % not covered)",
                "meeting of 20 Dec 2023", 78, 82, pct(y23, IndicatorKeys.HIGHWAYS_INTERNATIONAL_HSM_PCT)));
        f.add(new Figure("2023-12-31", "base stations", "60,600", "ministry 2024 results", 60_550, 60_650,
                val(y23, IndicatorKeys.BASE_STATIONS_COUNT)));
        f.add(new Figure("2023-12-31", "fiber, km", "236,000", "ministry 2024 results", 235_500, 236_500,
                val(y23, IndicatorKeys.FIBER_LENGTH_KM)));
        f.add(new Figure("2023-12-31", "households with fixed broadband possible, %", "(assumption: 71–75, missed)",
                "our story", 71, 74.99, pct(y23, IndicatorKeys.HOUSEHOLDS_FIXED_BROADBAND_PCT)));
        Indicators y24 = model.indicators(LocalDate.of(2024, 12, 31), CoverageFilter.ANY);
        f.add(new Figure("2024-12-31", "population with mobile internet, %", "99", "ministry 2024 results", 98.5, 99.5,
                pct(y24, IndicatorKeys.POPULATION_MOBILE_INTERNET_PCT)));
        f.add(new Figure("2024-12-31", "base stations", "77,300", "ministry 2024 results", 77_250, 77_350,
                val(y24, IndicatorKeys.BASE_STATIONS_COUNT)));
        f.add(new Figure("2024-12-31", "fiber, km", "293,100", "ministry 2024 results", 293_050, 293_150,
                val(y24, IndicatorKeys.FIBER_LENGTH_KM)));
        f.add(new Figure("2024-12-31", "households with fixed broadband possible, %", "(assumption: ≥ 75, met later)",
                "our story", 75, 100, pct(y24, IndicatorKeys.HOUSEHOLDS_FIXED_BROADBAND_PCT)));
        Indicators h25 = model.indicators(LocalDate.of(2025, 6, 30), CoverageFilter.ANY);
        f.add(new Figure("2025-06-30", "base stations", "> 87,000", "public council, H1 2025", 87_000, 1e9,
                val(h25, IndicatorKeys.BASE_STATIONS_COUNT)));
        f.add(new Figure("2025-06-30", "fiber, km", "> 313,000", "public council, H1 2025", 313_000, 1e9,
                val(h25, IndicatorKeys.FIBER_LENGTH_KM)));
        Indicators now = model.indicators(SNAPSHOT, CoverageFilter.ANY);
        double settlements = val(now, IndicatorKeys.SETTLEMENTS_COUNT);
        f.add(new Figure(SNAPSHOT.toString(), "settlements without mobile internet, % of settlements", "≈ 1",
                "99 % coverage (ministry 2024 results)", 0.5, 1.5,
                100 * val(now, IndicatorKeys.SETTLEMENTS_MOBILE_INTERNET_UNCOVERED) / settlements));
        f.add(new Figure(SNAPSHOT.toString(), "international + state highways without 4G, km", "> 0 (remote stretches)",
                "roadmap I.7 not yet met", 1, 0.15 * isKm, val(now, IndicatorKeys.HIGHWAYS_INTERNATIONAL_STATE_UNCOVERED_KM)));
        f.add(new Figure(SNAPSHOT.toString(), "of those settlements: in the mountains (≥ 1,000 m) or ≥ 25 km from a real town, %",
                "mostly mountains and desert", "planning assumption (mountain/desert residue)", 50, 100, residueRemotePct(in, model, dir, terrain)));
        return f;
    }

    private static double residueRemotePct(GeodataInputs in, CoverageModel model, Path dir, Terrain terrain)
            throws java.io.IOException {
        List<double[]> towns = new ArrayList<>();
        for (var r : GeodataInputs.csv(dir.resolve("settlements.csv.gz"))) {
            if (!"synthetic".equals(r.get("source"))) {
                towns.add(new double[] {Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat"))});
            }
        }
        int residue = 0;
        int remote = 0;
        for (SettlementCoverage c : model.evaluate(SNAPSHOT, CoverageFilter.ANY).settlements()) {
            if (c.service() != Service.MOBILE_INTERNET || c.covered()) {
                continue;
            }
            Settlement s = in.settlements().get((int) c.settlementId() - 1);
            residue++;
            double nearest = Double.MAX_VALUE;
            for (double[] t : towns) {
                double dx = (t[0] - s.lon()) * 111.32 * Math.cos(Math.toRadians(s.lat()));
                double dy = (t[1] - s.lat()) * 110.57;
                nearest = Math.min(nearest, Math.hypot(dx, dy));
            }
            if (nearest >= 25 || terrain.elevationM(s.lon(), s.lat()) >= 1000) {
                remote++;
            }
        }
        return residue == 0 ? 0 : 100.0 * remote / residue;
    }

    private static double val(Indicators ind, String key) {
        return ind.national(key).map(IndicatorValue::value).orElse(Double.NaN);
    }

    private static double pct(Indicators ind, String key) {
        return 100 * val(ind, key);
    }

    public static String table(List<Figure> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append("| date | figure | published | source | accepted | dataset (engine) | |\n|---|---|---:|---|---|---:|---|\n");
        for (Figure x : figures) {
            String range = x.hi() >= 1e8 ? String.format(Locale.ROOT, "≥ %,.0f", x.lo())
                    : x.lo() >= 100 ? String.format(Locale.ROOT, "%,.0f – %,.0f", x.lo(), x.hi())
                    : String.format(Locale.ROOT, "%.1f – %.1f", x.lo(), x.hi());
            String value = Math.abs(x.value()) >= 1000 ? String.format(Locale.ROOT, "%,.0f", x.value())
                    : String.format(Locale.ROOT, "%.1f", x.value());
            sb.append("| ").append(x.when()).append(" | ").append(x.what()).append(" | ").append(x.published())
                    .append(" | ").append(x.source()).append(" | ").append(range).append(" | ").append(value)
                    .append(" | ").append(x.ok() ? "ok" : "**OUT**").append(" |\n");
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "geodata");
        Path dem = Path.of(args.length > 1 ? args[1] : "geodata/dem/uz_srtm30plus_1min.asc.gz");
        GeodataInputs in = GeodataInputs.read(dir);
        List<Figure> figures = figures(in, in.model(uz.qamrov.planner.terrain.DemFiles.read(dem)), dir, Terrain.read(dem));
        System.out.print(table(figures));
        System.exit(figures.stream().allMatch(Figure::ok) ? 0 : 1);
    }
}
