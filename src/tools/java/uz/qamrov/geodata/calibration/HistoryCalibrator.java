package uz.qamrov.geodata.calibration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import uz.qamrov.engine.measure.CoverageModel;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.geodata.generator.CsvGz;

/**
 * Second stage of {@code scripts/geodata/generate.sh}: tunes the generated sites' dates with the real engine
 * ({@link SiteDateCalibrator}) so that the history follows the published figures, rewrites
 * {@code base_stations.csv.gz} and its hash in {@code manifest.json}. Deterministic.
 *
 * <p>Remoteness of a place = km to the nearest real town + elevation / 20 m (so 1,000 m of altitude weighs like
 * 50 km of distance): the mountains and the deserts far from towns are where coverage comes last.
 */
public final class HistoryCalibrator {

    static final LocalDate D16 = LocalDate.of(2016, 12, 31);
    static final LocalDate D23 = LocalDate.of(2023, 12, 31);
    static final LocalDate D24 = LocalDate.of(2024, 12, 31);
    static final LocalDate H125 = LocalDate.of(2025, 7, 1);

    /** Published/assumed targets the tuning aims at (the accepted ranges are in {@link Calibration}). */
    static final double INTL_GAP_2023 = 0.21;
    static final double IS_GAP_TODAY = 0.03;
    static final double RESIDUE_TODAY = 0.010;
    static final double SETTLEMENTS_2016 = 0.92;
    /** Settlements beyond today's residue still waiting at end-2024 (brings the population share to ~99 %). */
    static final int EXTRA_2024 = 60;

    private HistoryCalibrator() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "geodata");
        Path dem = Path.of(args.length > 1 ? args[1] : "geodata/dem/uz_srtm30plus_1min.asc.gz");
        tune(dir, Terrain.read(dem), uz.qamrov.planner.terrain.DemFiles.read(dem));
    }

    /** {@code terrain} ranks remoteness; {@code dem} is what the engine's footprints see (the service's default). */
    static void tune(Path dir, Terrain terrain, uz.qamrov.engine.terrain.Dem dem) throws Exception {
        GeodataInputs in = GeodataInputs.read(dir);
        CoverageModel model = in.model(dem);
        List<double[]> towns = new ArrayList<>();
        List<CSVRecord> rows = GeodataInputs.csv(dir.resolve("settlements.csv.gz"));
        for (CSVRecord r : rows) {
            if (!"synthetic".equals(r.get("source"))) {
                towns.add(new double[] {Double.parseDouble(r.get("lon")), Double.parseDouble(r.get("lat"))});
            }
        }
        java.util.function.ToDoubleBiFunction<Double, Double> remoteness = (lon, lat) -> {
            double best = Double.MAX_VALUE;
            for (double[] t : towns) {
                double dx = (t[0] - lon) * 111.32 * Math.cos(Math.toRadians(lat));
                double dy = (t[1] - lat) * 110.57;
                best = Math.min(best, dx * dx + dy * dy);
            }
            return Math.sqrt(best) + terrain.elevationM(lon, lat) / 20;
        };
        List<Settlement> st = in.settlements();
        double[] settlementRemoteness = new double[st.size()];
        for (int i = 0; i < st.size(); i++) {
            settlementRemoteness[i] = remoteness.applyAsDouble(st.get(i).lon(), st.get(i).lat());
        }
        SiteDateCalibrator c = new SiteDateCalibrator(in, model, settlementRemoteness, remoteness);
        report("before", c);
        LocalDate snapshot = Calibration.SNAPSHOT;
        // 1. end-2023: a fifth of the international highways without 4G (4G sites there come in 2024 and later)
        c.uncoverHighways(D23, INTL_GAP_2023, true, 40, d -> d.isAfter(D23) && !d.isAfter(snapshot));
        // 2. today: the most remote international/state stretches still wait for their (planned) 4G sites
        c.uncoverHighways(snapshot, IS_GAP_TODAY, false, 4, d -> d.isAfter(snapshot));
        // 3. today: about 1 % of settlements still without mobile internet, mountains and desert first
        c.uncoverSettlements(snapshot, (int) Math.round(RESIDUE_TODAY * st.size()), 4, d -> d.isAfter(snapshot));
        // 4. end-2016: about 92 % of settlements with mobile internet (remote villages got it in 2017–2023)
        c.uncoverSettlements(D16, (int) Math.round((1 - SETTLEMENTS_2016) * st.size()), 6,
                d -> d.isAfter(D16) && !d.isAfter(D23));
        // 5. end-2024: the published 99 % of the population: some remote villages got mobile internet only in 2025
        c.uncoverSettlements(D24, c.uncoveredSettlements(D24) + EXTRA_2024, 4, d -> d.isAfter(D24) && !d.isAfter(snapshot));
        // 6. steps 3 and 5 gave some 2023 dates to sites near highways: restore the end-2023 highway gap
        c.uncoverHighways(D23, INTL_GAP_2023, true, 40, d -> d.isAfter(D23) && !d.isAfter(snapshot));
        report("after", c);
        rewriteSites(dir, c.dates());
    }

    private static void report(String when, SiteDateCalibrator c) {
        System.out.printf("calibration %s: settlements without mobile internet 2016 %d, today %d; international highways "
                + "without 4G 2023 %.1f %%, today %.1f %%; international+state today %.1f %%%n", when,
                c.uncoveredSettlements(D16), c.uncoveredSettlements(Calibration.SNAPSHOT),
                100 * c.uncoveredShare(D23, true), 100 * c.uncoveredShare(Calibration.SNAPSHOT, true),
                100 * c.uncoveredShare(Calibration.SNAPSHOT, false));
    }

    private static void rewriteSites(Path dir, LocalDate[] dates) throws Exception {
        Path file = dir.resolve("base_stations.csv.gz");
        List<CSVRecord> rows = GeodataInputs.csv(file);
        String[] header = {"operator_code", "external_id", "lon", "lat", "tower_height_m", "status", "commissioned_on",
            "decommissioned_on", "source"};
        Path tmp = dir.resolve("base_stations.tmp.csv.gz"); // CsvGz compresses by the .gz suffix
        try (CsvGz w = new CsvGz(tmp, header)) {
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord r = rows.get(i);
                LocalDate d = dates[i];
                String status = r.get("status").equals("decommissioned") ? "decommissioned"
                        : d.isAfter(Calibration.SNAPSHOT) ? "planned" : "active";
                w.row(r.get("operator_code"), r.get("external_id"), r.get("lon"), r.get("lat"), r.get("tower_height_m"),
                        status, d.toString(), blank(r.get("decommissioned_on")), r.get("source"));
            }
        }
        String oldHash = sha256(file);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path manifest = dir.resolve("manifest.json");
        if (Files.exists(manifest)) {
            String m = Files.readString(manifest, StandardCharsets.UTF_8);
            Files.writeString(manifest, m.replace(oldHash, sha256(file)), StandardCharsets.UTF_8);
        }
    }

    private static String blank(String v) {
        return v == null || v.isEmpty() ? null : v;
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
