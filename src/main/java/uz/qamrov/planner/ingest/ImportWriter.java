package uz.qamrov.planner.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.springframework.stereotype.Component;
import uz.qamrov.planner.ingest.IngestRepository.Current;
import uz.qamrov.planner.ingest.IngestRepository.Versioned;

/**
 * Writes validated rows inside the caller's transaction.
 *
 * <p>Network rows are versioned by (operator, external id): an identical content hash leaves the row alone; a
 * change closes the current version ({@code valid_to} = import date) and inserts a new one ({@code valid_from} =
 * import date) with its cells, so "as of" an earlier date still sees the old version. A row seen for the first
 * time starts at {@code -infinity} (its commissioning date governs when it counts). A second change on the same
 * day rewrites that day's version. {@code snapshot=full} decommissions current rows missing from the file the same
 * versioned way. Admin layers are upserts by their natural key.
 */
@Component
class ImportWriter {

    record Outcome(int inserted, int updated, int unchanged, int decommissioned, Set<Long> baseStationIds,
            Set<Long> fiberRouteIds, Set<Long> fiberNodeIds) {
    }

    private final IngestRepository repository;

    ImportWriter(IngestRepository repository) {
        this.repository = repository;
    }

    Outcome write(Layer layer, List<Rows.ImportRow> rows, LocalDate today, String source, boolean snapshotFull,
            IntConsumer progress, Map<Integer, String> boundaryCodes) {
        return switch (layer) {
            case BASE_STATIONS, FIBER_ROUTES, FIBER_NODES -> versioned(layer, rows, today, source, snapshotFull, progress);
            default -> admin(layer, rows, source, progress, boundaryCodes);
        };
    }

    private Outcome versioned(Layer layer, List<Rows.ImportRow> rows, LocalDate today, String source, boolean snapshotFull,
            IntConsumer progress) {
        Versioned t = switch (layer) {
            case BASE_STATIONS -> Versioned.BASE_STATIONS;
            case FIBER_ROUTES -> Versioned.FIBER_ROUTES;
            default -> Versioned.FIBER_NODES;
        };
        Set<String> operators = new TreeSet<>();
        rows.forEach(r -> operators.add(operatorOf(r)));
        // in a fixed order, so two imports touching the same operators cannot deadlock
        operators.forEach(op -> repository.lockOperatorLayer(t, op));
        Map<String, Current> current = repository.currentVersions(t, operators);
        Set<Long> changed = new HashSet<>();
        Set<String> seen = new HashSet<>();
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int done = 0;
        for (Rows.ImportRow r : rows) {
            String op = operatorOf(r);
            String ext = externalIdOf(r);
            String key = op + "\u0000" + ext;
            seen.add(key);
            String hash = hash(r);
            Current cur = current.get(key);
            if (cur == null) {
                // first seen: its commissioning date governs when it counts; without one, it counts from today
                // (the one as-of rule, migration V011), so a file without dates never rewrites history
                changed.add(insert(r, commissionedOn(r) == null ? today : null, source, hash));
                inserted++;
            } else if (hash.equals(cur.contentHash())) {
                unchanged++;
            } else if (today.equals(cur.validFrom())) {
                changed.add(cur.id());
                changed.add(rewriteSameDay(t, cur.id(), r, source, hash, today));
                updated++;
            } else {
                repository.closeVersion(t, cur.id(), today);
                changed.add(cur.id());
                changed.add(insert(r, today, source, hash));
                updated++;
            }
            done += r.rows().size();
            progress.accept(done);
        }
        int decommissioned = 0;
        if (snapshotFull) {
            for (Current cur : current.values()) {
                if (seen.contains(cur.key()) || "decommissioned".equals(cur.status())) {
                    continue;
                }
                if (today.equals(cur.validFrom())) {
                    // the version started today: replace it by its decommissioned copy
                    long copy = repository.insertDecommissionedCopyAfterClosing(t, cur.id(), today, source);
                    changed.add(copy);
                } else {
                    repository.closeVersion(t, cur.id(), today);
                    changed.add(repository.insertDecommissionedCopy(t, cur.id(), today, today, source));
                }
                changed.add(cur.id());
                decommissioned++;
            }
        }
        return new Outcome(inserted, updated, unchanged, decommissioned,
                t == Versioned.BASE_STATIONS ? changed : Set.of(), t == Versioned.FIBER_ROUTES ? changed : Set.of(),
                t == Versioned.FIBER_NODES ? changed : Set.of());
    }

    private long insert(Rows.ImportRow r, LocalDate validFrom, String source, String hash) {
        if (r instanceof Rows.Site s) {
            long id = repository.insertSite(s, validFrom, source, hash);
            repository.insertCells(id, s.cells());
            return id;
        }
        if (r instanceof Rows.FiberRoute f) {
            return repository.insertFiberRoute(f, validFrom, source, hash);
        }
        return repository.insertFiberNode((Rows.FiberNode) r, validFrom, source, hash);
    }

    /** Rewrites the version that started today; returns the id now holding it (a new id for fiber rows). */
    private long rewriteSameDay(Versioned t, long id, Rows.ImportRow r, String source, String hash, LocalDate today) {
        if (r instanceof Rows.Site s) {
            repository.updateSiteInPlace(id, s, source, hash);
            repository.insertCells(id, s.cells());
            return id;
        }
        // fiber rows have no children: replace the row of today by the new one, whose new id the coverage update
        // must see (it reloads rows by id; with only the old, deleted id the route vanished from coverage)
        repository.deleteRow(t, id);
        return insert(r, today, source, hash);
    }

    private static LocalDate commissionedOn(Rows.ImportRow r) {
        if (r instanceof Rows.Site s) {
            return s.commissionedOn();
        }
        if (r instanceof Rows.FiberRoute f) {
            return f.commissionedOn();
        }
        return ((Rows.FiberNode) r).commissionedOn();
    }

    private Outcome admin(Layer layer, List<Rows.ImportRow> rows, String source, IntConsumer progress,
            Map<Integer, String> boundaryCodes) {
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        int done = 0;
        repository.lockLayer(layer);
        for (Rows.ImportRow r : rows) {
            String outcome = switch (layer) {
                case SETTLEMENTS -> repository.upsertSettlement((Rows.Settlement) r, source);
                case HIGHWAYS -> repository.upsertHighway((Rows.Line) r, source);
                case RAILWAYS -> repository.upsertRailway((Rows.Line) r, source);
                case REGIONS -> repository.replaceRegionGeometry(boundaryCodes.get(r.rows().get(0)),
                        ((Rows.Boundary) r).geometry().toText(), source);
                case DISTRICTS -> district((Rows.Boundary) r, boundaryCodes.get(r.rows().get(0)), source);
                default -> throw new IllegalStateException(layer.key);
            };
            switch (outcome) {
                case "inserted" -> inserted++;
                case "updated" -> updated++;
                default -> unchanged++;
            }
            done += r.rows().size();
            progress.accept(done);
        }
        return new Outcome(inserted, updated, unchanged, 0, Set.of(), Set.of(), Set.of());
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

    /** Content hash over everything stored except the source and the validity dates (7 decimals ≈ 1 cm). */
    static String hash(Rows.ImportRow r) {
        StringBuilder b = new StringBuilder();
        if (r instanceof Rows.Site s) {
            b.append(String.format(java.util.Locale.ROOT, "%.7f|%.7f|", s.geometry().getX(), s.geometry().getY()))
                    .append(s.towerHeightM()).append('|').append(s.status()).append('|').append(s.commissionedOn()).append('|')
                    .append(s.decommissionedOn());
            if (s.firstObservedOn() != null || s.lastObservedOn() != null) {
                // only crowd-sourced sites carry these; others keep the hash they always had
                b.append("|observed ").append(s.firstObservedOn()).append('/').append(s.lastObservedOn());
            }
            // a cell without an observed range hashes as before that column existed, so re-uploads stay "unchanged"
            s.cells().forEach(c -> b.append('\n').append(c.toString().replace(", observedRangeM=null", "")));
        } else if (r instanceof Rows.FiberRoute f) {
            b.append(f.geometry().toText()).append('|').append(f.status()).append('|').append(f.routeKind()).append('|')
                    .append(f.commissionedOn()).append('|').append(f.decommissionedOn()).append('|').append(f.capacityGbps());
        } else if (r instanceof Rows.FiberNode n) {
            b.append(n.geometry().toText()).append('|').append(n.kind()).append('|').append(n.broadbandPorts()).append('|')
                    .append(n.status()).append('|').append(n.commissionedOn()).append('|').append(n.decommissionedOn());
        }
        return sha256(b.toString());
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
