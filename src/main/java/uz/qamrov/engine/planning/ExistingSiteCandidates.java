package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;

/**
 * The candidate rules for work on existing sites, one definition each. Every site active on the date (of the
 * building operator, or any operator for a neutral host) gets:
 * <ul>
 * <li>{@link CandidateType#UPGRADE_TO_4G} when it has no 4G/5G cell: a 4G cell beside each of its cells (same band,
 * azimuth, beamwidth, height and tilt; the new technology's default EIRP);</li>
 * <li>{@link CandidateType#UPGRADE_TO_5G} when it has 4G but no 5G: a 5G cell beside each 4G cell, at
 * {@link CandidateOptions#upgrade5gBandMhz()} (same azimuth, beamwidth, height and tilt);</li>
 * <li>{@link CandidateType#ADD_SECTOR} when its 4G/5G cells are all directional and leave an angle that no beam
 * covers ({@link #widestGapMiddle}): one 65° 4G sector pointing into the middle of the widest gap;</li>
 * <li>{@link CandidateType#UPGRADE_TO_5G_WITH_SECTOR} when a site gets both of the two before: the added sector and
 * 5G beside every 4G cell including it, at the sum of the two prices.</li>
 * </ul>
 * The 5G upgrade, the added sector and the two together of one site are alternatives of one exclusive group
 * ({@code site:<id>}, {@link Candidate#exclusiveGroup}): a plan builds at most one, and the greedy that has chosen
 * one of the first two may still replace it by the combination at the difference in cost. A site without 4G gets only
 * its 4G upgrade (no sector rule applies to 2G/3G sectors), so nothing else on it is an alternative to that.
 * The specs carry their cells; their footprints are the coverage model's own ({@link CandidateGenerator}).
 */
final class ExistingSiteCandidates {

    static final String UPGRADE_4G = "upgrade to 4G";
    static final String UPGRADE_5G = "upgrade to 5G";
    static final String ADDED_SECTOR = "added 4G sector";
    static final String UPGRADE_5G_WITH_SECTOR = "5G upgrade with added sector";

    /** Beamwidth of an added sector: the common 65° panel of the dataset's sectors. */
    static final double ADDED_SECTOR_BEAMWIDTH_DEG = 65;

    private ExistingSiteCandidates() {
    }

    /** Specs in site order; ids for the new cells come from {@code ids} (negative, never clashing with real ones). */
    static List<RadioSpec> specs(List<Cell> cells, CandidateOptions o, LongSupplier ids) {
        Map<Long, List<Cell>> bySite = new LinkedHashMap<>();
        for (Cell c : cells) {
            if (c.validity().contains(o.asOf()) && (o.operator() == null || o.operator().equals(c.operator()))) {
                bySite.computeIfAbsent(c.siteId(), k -> new ArrayList<>()).add(c);
            }
        }
        List<RadioSpec> out = new ArrayList<>();
        PlanningCosts costs = o.costs();
        bySite.forEach((siteId, siteCells) -> {
            Cell first = siteCells.get(0);
            List<Cell> lte = siteCells.stream().filter(c -> c.technology().atLeast(Technology.G4)).toList();
            if (lte.isEmpty()) {
                List<Cell> added = siteCells.stream().map(c -> beside(c, Technology.G4, c.bandMhz(), ids)).toList();
                out.add(new RadioSpec(UPGRADE_4G, "upgrade4g:site:" + siteId, CandidateType.UPGRADE_TO_4G,
                        "4G on site " + siteId, first.lon(), first.lat(), null, costs.upgrade3gTo4gUsd(), false, false,
                        added, List.of()));
                return;
            }
            // a 4G site may get 5G, an added sector, or both: three alternatives of one group, at most one built
            // (two separate picks would leave the new sector without 5G and the choice of "both" to chance)
            String group = "site:" + siteId;
            boolean no5g = siteCells.stream().noneMatch(c -> c.technology() == Technology.G5);
            List<Cell> nr = no5g ? lte.stream().map(c -> beside(c, Technology.G5, o.upgrade5gBandMhz(), ids)).toList()
                    : List.of();
            if (no5g) {
                out.add(new RadioSpec(UPGRADE_5G, "upgrade5g:site:" + siteId, CandidateType.UPGRADE_TO_5G,
                        "5G on site " + siteId, first.lon(), first.lat(), null, costs.upgrade4gTo5gUsd(), false, false,
                        nr, List.of(), group));
            }
            Double azimuth = widestGapMiddle(lte);
            if (azimuth != null) {
                Cell t = lte.get(0);
                Cell sector = new Cell(-ids.getAsLong(), siteId, t.operator(), Technology.G4,
                        t.technology() == Technology.G4 ? t.bandMhz() : o.newSiteBandMhz(), azimuth,
                        ADDED_SECTOR_BEAMWIDTH_DEG, t.antennaHeightM(), null, null, t.lon(), t.lat(), Validity.ALWAYS,
                        t.tiltDeg(), t.frontToBackDb(), null);
                out.add(new RadioSpec(ADDED_SECTOR, "sector:site:" + siteId, CandidateType.ADD_SECTOR,
                        "4G sector at " + Math.round(azimuth) + "° on site " + siteId, first.lon(), first.lat(), null,
                        costs.newSectorUsd(), false, false, List.of(sector), List.of(), group));
                if (no5g) {
                    // the site's 5G layer is priced per site, so 5G beside the new sector comes with it
                    List<Cell> both = new ArrayList<>(nr.size() + 2);
                    nr.forEach(c -> both.add(copy(c, ids)));
                    both.add(copy(sector, ids));
                    both.add(beside(sector, Technology.G5, o.upgrade5gBandMhz(), ids));
                    out.add(new RadioSpec(UPGRADE_5G_WITH_SECTOR, "upgrade5g+sector:site:" + siteId,
                            CandidateType.UPGRADE_TO_5G_WITH_SECTOR,
                            "5G on site " + siteId + " with a 4G/5G sector at " + Math.round(azimuth) + "°",
                            first.lon(), first.lat(), null, costs.upgrade4gTo5gUsd() + costs.newSectorUsd(), false,
                            false, both, List.of(), group));
                }
            }
        });
        return out;
    }

    /** The same cell under a new id: each candidate owns its cells (a plan's what-if merges the deltas of its picks). */
    private static Cell copy(Cell c, LongSupplier ids) {
        return new Cell(-ids.getAsLong(), c.siteId(), c.operator(), c.technology(), c.bandMhz(),
                c.isOmni() ? null : c.azimuthDeg(), c.beamwidthDeg(), c.antennaHeightM(), null, null, c.lon(), c.lat(),
                Validity.ALWAYS, c.tiltDeg(), c.frontToBackDb(), null);
    }

    /** The same antenna with another technology: the operator's own planned range and EIRP do not carry over. */
    private static Cell beside(Cell c, Technology tech, int bandMhz, LongSupplier ids) {
        return new Cell(-ids.getAsLong(), c.siteId(), c.operator(), tech, bandMhz, c.isOmni() ? null : c.azimuthDeg(),
                c.beamwidthDeg(), c.antennaHeightM(), null, null, c.lon(), c.lat(), Validity.ALWAYS, c.tiltDeg(),
                c.frontToBackDb(), null);
    }

    /**
     * Middle of the widest gap between adjacent sector azimuths, when that gap leaves an angle no beam covers (it is
     * wider than the half-beamwidths of its two edge sectors together); null when every direction is in some beam,
     * or when a sector is omni or there are none.
     */
    static Double widestGapMiddle(List<Cell> sectors) {
        if (sectors.isEmpty() || sectors.stream().anyMatch(Cell::isOmni)) {
            return null;
        }
        List<Cell> sorted = new ArrayList<>(sectors);
        sorted.sort((a, b) -> Double.compare(a.azimuthDeg(), b.azimuthDeg()));
        double best = -1;
        double mid = 0;
        boolean open = false;
        for (int i = 0; i < sorted.size(); i++) {
            Cell from = sorted.get(i);
            Cell to = sorted.get((i + 1) % sorted.size());
            double toAz = i + 1 < sorted.size() ? to.azimuthDeg() : to.azimuthDeg() + 360;
            double gap = toAz - from.azimuthDeg();
            if (gap > best) {
                best = gap;
                mid = (from.azimuthDeg() + gap / 2) % 360;
                open = gap > (from.beamwidthDeg() + to.beamwidthDeg()) / 2 + 1e-9;
            }
        }
        return open ? mid : null;
    }
}
