package uz.qamrov.planner.planning;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import uz.qamrov.planner.export.FeatureLayer;
import uz.qamrov.planner.export.GapLayer;
import uz.qamrov.planner.export.GeoPackageWriter;

/**
 * A scenario as a GeoPackage (EPSG:4326) with the export feature's writer: {@code scenario_points} (proposed sites,
 * cells and access nodes) and {@code scenario_lines} (proposed fiber), with the items' action, kind,
 * reference, operator, cost and attributes (JSON), and an {@code export_info} table naming the scenario and the
 * removed rows (which carry no geometry).
 */
final class ScenarioGeoPackage {

    enum Layer implements FeatureLayer {
        POINTS("scenario_points", "POINT", false), LINES("scenario_lines", "LINESTRING", true);

        private static final List<GapLayer.Column> COLUMNS = List.of(new GapLayer.Column("action", "TEXT"),
                new GapLayer.Column("kind", "TEXT"), new GapLayer.Column("ref", "TEXT"),
                new GapLayer.Column("operator", "TEXT"), new GapLayer.Column("cost_usd", "REAL"),
                new GapLayer.Column("attributes", "TEXT"));

        private final String id;
        private final String geometryType;
        final boolean lines;

        Layer(String id, String geometryType, boolean lines) {
            this.id = id;
            this.geometryType = geometryType;
            this.lines = lines;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String geometryType() {
            return geometryType;
        }

        @Override
        public List<GapLayer.Column> columns() {
            return COLUMNS;
        }
    }

    private ScenarioGeoPackage() {
    }

    static void write(PlanningRepository repo, PlanningRepository.ScenarioRow scenario, Path file) throws SQLException {
        try (GeoPackageWriter gpkg = new GeoPackageWriter(file, "scenario " + scenario.id() + " '" + scenario.name()
                + "', as of " + scenario.asOf())) {
            Map<String, String> info = new LinkedHashMap<>();
            info.put("scenario_id", Long.toString(scenario.id()));
            info.put("name", scenario.name());
            info.put("as_of", String.valueOf(scenario.asOf()));
            info.put("created_by", scenario.createdBy());
            info.put("created_at", String.valueOf(scenario.createdAt()));
            info.put("cost_usd", Double.toString(scenario.costUsd()));
            // removals name real rows and carry no geometry of their own
            info.put("removed", repo.items(scenario.id()).stream().filter(i -> "remove".equals(i.action()))
                    .map(PlanningRepository.ItemRow::ref).collect(Collectors.joining(",")));
            gpkg.info(info);
            for (Layer layer : Layer.values()) {
                try (GeoPackageWriter.LayerSink sink = gpkg.layer(layer)) {
                    repo.itemFeatures(scenario.id(), layer.lines, r -> {
                        try {
                            sink.add(r.wkb(), r.minX(), r.minY(), r.maxX(), r.maxY(), r.values());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        }
    }
}
