package uz.qamrov.planner.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.stereotype.Component;
import uz.qamrov.planner.ingest.IngestRepository.Versioned;

/**
 * Writes validated rows inside the caller's transaction.
 *
 * <p>Network rows are versioned by (operator, external id): an identical content hash leaves the row alone; a
 * change closes the current version ({@code valid_to} = import date) and inserts a new one ({@code valid_from} =
 * import date) with its cells, so "as of" an earlier date still sees the old version. A row seen for the first
 * time starts at {@code -infinity} (its commissioning date governs when it counts). A second change on the same
 * day rewrites that day's version. {@code snapshot=full} decommissions current rows missing from the file the same
 * versioned way. Network rows go through a COPY staging table and set-based statements ({@link StagingRepository});
 * settlements, highways and railways are upserts by their natural key, a chunk of rows per statement
 * ({@link AdminLayerRepository}); regions and districts (matched by name, a few hundred at most) one statement each.
 */
@Component
class ImportWriter {

    /**
     * @param diffRows how many rows of what changed per network row the job stored ({@code import_job_diffs}; none for
     *     admin layers)
     */
    record Outcome(int inserted, int updated, int unchanged, int decommissioned, Set<Long> baseStationIds,
            Set<Long> fiberRouteIds, Set<Long> fiberNodeIds, int diffRows) {
    }

    private final IngestRepository repository;
    private final StagingRepository staging;
    private final AdminLayerRepository admin;

    ImportWriter(IngestRepository repository, StagingRepository staging, AdminLayerRepository admin) {
        this.repository = repository;
        this.staging = staging;
        this.admin = admin;
    }

    /** What is written where: the job (its diff rows), the import date and source, and {@code snapshot=full}. */
    record Target(java.util.UUID job, LocalDate today, String source, boolean snapshotFull) {
    }

    /** Network rows held in a list (benchmarks): spooled, then {@link #write(Layer, StageSpool, Target, IntConsumer, Runnable)}. */
    Outcome write(Layer layer, List<Rows.ImportRow> rows, Target to, IntConsumer progress) {
        try (StageSpool spool = StageSpool.of(rows)) {
            return write(layer, spool, to, progress, () -> { });
        }
    }

    /**
     * The set-based path of the network layers ({@link StagingRepository}): the spooled rows are staged by COPY in
     * chunks (progress after each), then classified and written in a few statements. Same rules as before: identical
     * hash = unchanged, a change closes the current version today and inserts a new one, a second change on one day
     * rewrites that day's version.
     */
    Outcome write(Layer layer, StageSpool spool, Target to, IntConsumer progress, Runnable beforeWrites) {
        Versioned t = switch (layer) {
            case BASE_STATIONS -> Versioned.BASE_STATIONS;
            case FIBER_ROUTES -> Versioned.FIBER_ROUTES;
            default -> Versioned.FIBER_NODES;
        };
        Set<String> operators = spool.operators();
        // in a fixed order, so two imports touching the same operators cannot deadlock
        operators.forEach(op -> repository.lockOperatorLayer(t, op));
        staging.createStage(t);
        staging.copyStage(t, spool, progress);
        staging.classify(t, to.today());
        // the diff goes to the database before the rows are written (it compares with the current versions)
        int diffRows = staging.storeDiff(t, to.job(), layer.key);
        int missing = to.snapshotFull() ? staging.storeMissingFromStage(t, operators, to.job(), layer.key, diffRows) : 0;
        beforeWrites.run();
        StagingRepository.Counts counts = staging.apply(t, to.today(), to.source());
        Set<Long> changed = new HashSet<>(counts.changedIds());
        if (to.snapshotFull()) {
            changed.addAll(staging.decommissionMissing(t, operators, to.today(), to.source()));
        }
        return new Outcome(counts.inserted(), counts.updated(), counts.unchanged(), missing,
                t == Versioned.BASE_STATIONS ? changed : Set.of(), t == Versioned.FIBER_ROUTES ? changed : Set.of(),
                t == Versioned.FIBER_NODES ? changed : Set.of(), diffRows + missing);
    }

    /** Hex EWKB with SRID 4326: exact coordinates, parsed by PostGIS without a WKT round trip. */
    static String ewkb(Geometry g) {
        Geometry c = g.copy();
        c.setSRID(4326);
        return WKBWriter.toHex(new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true).write(c));
    }

    /** Admin layers: boundaries one by one, settlements and lines in upserts of {@link AdminLayerRepository#CHUNK} rows. */
    Outcome writeAdmin(Layer layer, AdminRowSpool rows, String source, IntConsumer progress,
            Map<Integer, String> boundaryCodes) {
        repository.lockLayer(layer);
        if (layer == Layer.REGIONS || layer == Layer.DISTRICTS) {
            return boundaries(layer, rows, source, progress, boundaryCodes);
        }
        // inserted, updated, source rows done
        int[] totals = new int[3];
        List<Rows.ImportRow> chunk = new ArrayList<>(AdminLayerRepository.CHUNK);
        Set<String> keys = new HashSet<>();
        rows.forEach(r -> {
            String key = adminKey(r);
            // a key twice in one statement is an error (ON CONFLICT cannot touch a row twice): the later row goes to
            // the next chunk and wins, as it did when each row was its own statement
            if (chunk.size() == AdminLayerRepository.CHUNK || keys.contains(key)) {
                writeChunk(layer, chunk, source, totals, progress);
                keys.clear();
            }
            keys.add(key);
            chunk.add(r);
        });
        writeChunk(layer, chunk, source, totals, progress);
        return new Outcome(totals[0], totals[1], rows.size() - totals[0] - totals[1], 0, Set.of(), Set.of(), Set.of(), 0);
    }

    /** Upserts the chunk (if any), adds its counts and rows to {@code totals}, reports progress, empties it. */
    private void writeChunk(Layer layer, List<Rows.ImportRow> chunk, String source, int[] totals, IntConsumer progress) {
        if (chunk.isEmpty()) {
            return;
        }
        AdminLayerRepository.Counts c = switch (layer) {
            case SETTLEMENTS -> admin.upsertSettlements(chunk.stream().map(Rows.Settlement.class::cast).toList(), source);
            case HIGHWAYS -> admin.upsertHighways(chunk.stream().map(Rows.Line.class::cast).toList(), source);
            case RAILWAYS -> admin.upsertRailways(chunk.stream().map(Rows.Line.class::cast).toList(), source);
            default -> throw new IllegalStateException(layer.key);
        };
        totals[0] += c.inserted();
        totals[1] += c.updated();
        totals[2] += chunk.stream().mapToInt(x -> x.rows().size()).sum();
        progress.accept(totals[2]);
        chunk.clear();
    }

    private static String adminKey(Rows.ImportRow r) {
        return r instanceof Rows.Settlement s ? s.externalId() : ((Rows.Line) r).key();
    }

    /** Regions and districts: at most a few hundred rows, each matched by name; one statement each. */
    private Outcome boundaries(Layer layer, AdminRowSpool rows, String source, IntConsumer progress,
            Map<Integer, String> boundaryCodes) {
        // inserted, updated, source rows done
        int[] totals = new int[3];
        rows.forEach(r -> {
            String outcome = layer == Layer.REGIONS
                    ? repository.replaceRegionGeometry(boundaryCodes.get(r.rows().get(0)), ((Rows.Boundary) r).geometry().toText(), source)
                    : district((Rows.Boundary) r, boundaryCodes.get(r.rows().get(0)), source);
            switch (outcome) {
                case "inserted" -> totals[0]++;
                case "updated" -> totals[1]++;
                default -> { }
            }
            totals[2] += r.rows().size();
            progress.accept(totals[2]);
        });
        return new Outcome(totals[0], totals[1], rows.size() - totals[0] - totals[1], 0, Set.of(), Set.of(), Set.of(), 0);
    }

    private String district(Rows.Boundary b, String matchedCode, String source) {
        Map<String, String> n = b.names();
        String uz = first(n, "name_uz_latn", "adm2_uz", "name_uz", "shapename", "name");
        String en = first(n, "name_en", "adm2_en", "shapename");
        String code = matchedCode != null ? matchedCode : b.code() != null ? b.code()
                : "D-" + sha256(b.displayName()).substring(0, 12);
        return repository.upsertDistrict(code, b.parentCode(), uz == null ? b.displayName() : uz,
                first(n, "name_uz_cyrl", "adm2_uz_cyrl"), first(n, "name_ru", "adm2_ru"), en, b.geometry().toText(), source);
    }

    private static String first(Map<String, String> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) != null) {
                return m.get(k);
            }
        }
        return null;
    }

    static String operatorOf(Rows.ImportRow r) {
        if (r instanceof Rows.Site s) {
            return s.operator();
        }
        if (r instanceof Rows.FiberRoute f) {
            return f.operator();
        }
        return ((Rows.FiberNode) r).operator();
    }

    static String externalIdOf(Rows.ImportRow r) {
        if (r instanceof Rows.Site s) {
            return s.siteId();
        }
        if (r instanceof Rows.FiberRoute f) {
            return f.externalId();
        }
        return ((Rows.FiberNode) r).externalId();
    }

    /** Content hash over everything stored except the source and the validity dates ({@link ContentHash}). */
    static String hash(Rows.ImportRow r) {
        return ContentHash.of(r);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
