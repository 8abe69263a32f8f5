package uz.qamrov.engine.planning;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uz.qamrov.engine.measure.CoverageSnapshot;
import uz.qamrov.engine.measure.LineStretch;
import uz.qamrov.engine.measure.SettlementCoverage;
import uz.qamrov.engine.model.LineKind;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.Settlement;

/**
 * The demands of a planning problem and each goal's total and baseline, read off the engine's own evaluation (so the
 * baseline equals the indicators the dashboards show): settlements without mobile internet, 1 km pieces of
 * uncovered 4G stretches of the target highways and rail line, settlements without fixed broadband.
 */
final class DemandCollector {

    /** Demands with the groups the candidate generator needs. */
    record DemandSet(List<Demand> demands, Map<Goal, Double> totals, Map<Goal, Double> baseline,
            List<Integer> mobileIdx, List<Integer> lineIdx, List<Integer> fixedIdx, List<LineStretch> openStretches,
            Map<Integer, Settlement> fixedSettlements) {
    }

    private DemandCollector() {
    }

    static DemandSet collect(CoverageSnapshot snap, List<Settlement> settlements, CandidateOptions o) {
        Map<Long, Settlement> byId = new HashMap<>();
        settlements.forEach(s -> byId.put(s.id(), s));
        List<Demand> demands = new ArrayList<>();
        List<Integer> mobile = new ArrayList<>();
        List<Integer> line = new ArrayList<>();
        List<Integer> fixed = new ArrayList<>();
        Map<Integer, Settlement> fixedSettlements = new HashMap<>();
        double[] total = new double[Goal.values().length];
        double[] base = new double[Goal.values().length];
        for (SettlementCoverage c : snap.settlements()) {
            Settlement s = byId.get(c.settlementId());
            if (s == null || !o.inScope(s.regionCode())) {
                continue;
            }
            if (c.service() == Service.MOBILE_INTERNET) {
                total[Goal.SETTLEMENTS_MOBILE_INTERNET.ordinal()] += 1;
                total[Goal.POPULATION_MOBILE_INTERNET.ordinal()] += s.population();
                if (c.covered()) {
                    base[Goal.SETTLEMENTS_MOBILE_INTERNET.ordinal()] += 1;
                    base[Goal.POPULATION_MOBILE_INTERNET.ordinal()] += s.population();
                } else {
                    mobile.add(demands.size());
                    demands.add(Demand.settlement("settlement:" + s.id(), "settlement " + s.id(), s.lon(), s.lat(),
                            s.regionCode(), s.population()));
                }
            } else if (c.service() == Service.FIXED_BROADBAND) {
                total[Goal.HOUSEHOLDS_FIXED_BROADBAND.ordinal()] += s.households();
                if (c.covered()) {
                    base[Goal.HOUSEHOLDS_FIXED_BROADBAND.ordinal()] += s.households();
                } else if (s.households() > 0) {
                    fixedSettlements.put(demands.size(), s);
                    fixed.add(demands.size());
                    demands.add(Demand.of("fixed:" + s.id(), "settlement " + s.id(), s.lon(), s.lat(), s.regionCode(),
                            Goal.HOUSEHOLDS_FIXED_BROADBAND, s.households()));
                }
            }
        }
        List<LineStretch> open = new ArrayList<>();
        for (LineStretch st : snap.stretches()) {
            Goal g = goalOf(st, o);
            if (g == null || st.service() != Service.HIGH_SPEED_MOBILE || !o.inScope(st.regionCode())) {
                continue;
            }
            total[g.ordinal()] += st.lengthKm();
            if (st.covered()) {
                base[g.ordinal()] += st.lengthKm();
                continue;
            }
            open.add(st);
            int k = 0;
            double stretchM = lengthM(st);
            for (LinePieces.Piece p : LinePieces.cut(st.geometry(), o.linePieceKm() * 1000)) {
                line.add(demands.size());
                // the stretch's own length shares out over its pieces, so the pieces add up to the indicator's km
                double km = stretchM > 0 ? st.lengthKm() * p.lengthM() / stretchM : 0;
                demands.add(Demand.of(st.lineKind().key() + ":" + st.lineId() + ":" + fmt(st.fromKm()) + "+" + k++,
                        st.lineKey() + " km " + fmt(st.fromKm()), p.midLon(), p.midLat(), st.regionCode(), g, km));
            }
        }
        return new DemandSet(demands, toMap(total), toMap(base), mobile, line, fixed, open, fixedSettlements);
    }

    private static double lengthM(LineStretch st) {
        return LinePieces.lengthM(st.geometry());
    }

    static Goal goalOf(LineStretch st, CandidateOptions o) {
        if (st.lineKind() == LineKind.RAILWAY) {
            return o.railKey().equals(st.lineKey()) ? Goal.RAILWAY_TSB_4G_KM : null;
        }
        return o.targetHighwayIds() == null || o.targetHighwayIds().contains(st.lineId()) ? Goal.HIGHWAYS_4G_KM : null;
    }

    private static String fmt(double km) {
        return String.format(java.util.Locale.ROOT, "%.1f", km);
    }

    private static Map<Goal, Double> toMap(double[] a) {
        Map<Goal, Double> m = new EnumMap<>(Goal.class);
        for (Goal g : Goal.values()) {
            m.put(g, a[g.ordinal()]);
        }
        return m;
    }
}
