package uz.qamrov.geodata.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.locationtech.jts.geom.Coordinate;

import uz.qamrov.geodata.generator.AccessSchedule.Group;
import uz.qamrov.geodata.generator.GeodataGenerator.Node;
import uz.qamrov.geodata.generator.GeodataGenerator.Route;
import uz.qamrov.geodata.generator.GeodataGenerator.Settlement;

/**
 * Dates the fiber network by cumulative geodesic length (the published km at end-2023, end-2024 and mid-2025 are
 * hit exactly, as before) in a build order that makes households with fixed broadband possible follow the
 * <b>labelled assumption</b> of geodata/README.md: about 67 % at end-2022, about 73 % at the end-2023 deadline of the
 * roadmap's 75 % (missed), 75 % crossed early in 2024 and about 84–86 % at end-2024, then rising to what the network
 * reaches.
 *
 * <p>Backbone and regional links come first (by their priority); then the settlements' access networks, each in one
 * piece ({@link AccessSchedule}): one date draw per settlement, so its cables and nodes share a date unless the
 * settlement straddles a published date. Access nodes take their settlement's earliest cable date.
 */
final class AccessDating {

    /** Target shares of all households with fixed broadband possible (assumption, see the class comment). */
    static final double SHARE_2022 = 0.67;
    static final double SHARE_2023 = 0.73;
    static final double SHARE_2024 = 0.86;

    private final GeodataGenerator g;
    private final double k23;
    private final double k24;
    private final double k25;
    private final double h2km;
    private final long preDays = ChronoUnit.DAYS.between(GeodataGenerator.HISTORY_START, GeodataGenerator.D23);

    AccessDating(GeodataGenerator g, double k23, double k24, double k25, double h2km) {
        this.g = g;
        this.k23 = k23;
        this.k24 = k24;
        this.k25 = k25;
        this.h2km = h2km;
    }

    /**
     * @param local   the settlements' local cables, among which {@code decomKm} of old cables are chosen
     * @param decomKm km of old local cables (2006–2012) decommissioned in 2014–2022, in settlements whose present
     *                access network came before 2014 (an old cable is replaced, so no settlement loses broadband)
     */
    void date(SplittableRandom r, List<Route> local, double decomKm) {
        List<Route> live = g.routes().stream().filter(x -> x.decomm == null).toList();
        List<Route> trunk = new ArrayList<>(live.stream().filter(x -> x.settlement == null).toList());
        trunk.sort(Comparator.comparingDouble(x -> x.prio));
        List<Settlement> st = g.settlements();
        Map<Settlement, Integer> index = new IdentityHashMap<>();
        double[][] pts = new double[st.size()][];
        long[] households = new long[st.size()];
        for (int i = 0; i < st.size(); i++) {
            Settlement s = st.get(i);
            index.put(s, i);
            pts[i] = new double[] {s.lon, s.lat};
            households[i] = Math.round(s.pop / g.fact(s.region).hh());
        }
        // one group per connected settlement, in settlement order
        Map<Settlement, Integer> groupOf = new IdentityHashMap<>();
        List<Settlement> owners = new ArrayList<>();
        List<List<Route>> groupRoutes = new ArrayList<>();
        List<List<Node>> groupNodes = new ArrayList<>();
        for (Settlement s : st) {
            if (s.fiber) {
                groupOf.put(s, owners.size());
                owners.add(s);
                groupRoutes.add(new ArrayList<>());
                groupNodes.add(new ArrayList<>());
            }
        }
        for (Route rt : live) {
            if (rt.settlement != null) {
                groupRoutes.get(groupOf.get(rt.settlement)).add(rt);
            }
        }
        for (Node n : g.nodes()) {
            if (n.settlement != null) {
                groupNodes.get(groupOf.get(n.settlement)).add(n);
            }
        }
        AccessSchedule.Reach reach = new AccessSchedule.Reach(pts);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < owners.size(); i++) {
            TreeSet<Integer> hit = new TreeSet<>();
            double km = 0;
            for (Route rt : groupRoutes.get(i)) {
                km += rt.lengthM / 1000;
                for (int k : reach.of(rt.geom.getCoordinates())) {
                    hit.add(k);
                }
            }
            for (Node n : groupNodes.get(i)) {
                for (int k : reach.of(new Coordinate[] {new Coordinate(n.lon, n.lat)})) {
                    hit.add(k);
                }
            }
            groups.add(new Group(km, hit.stream().mapToInt(Integer::intValue).toArray()));
        }
        double trunkKm = trunk.stream().mapToDouble(x -> x.lengthM / 1000).sum();
        double totalKm = live.stream().mapToDouble(x -> x.lengthM / 1000).sum();
        long total = java.util.Arrays.stream(households).sum();
        boolean[] any = new boolean[st.size()];
        groups.forEach(gr -> java.util.Arrays.stream(gr.reach()).forEach(k -> any[k] = true));
        long reachable = 0;
        for (int k = 0; k < any.length; k++) {
            reachable += any[k] ? households[k] : 0;
        }
        double all = (double) reachable / total;
        // cumulative km whose (sqrt-curve) date is the last day of 2022
        long d22 = ChronoUnit.DAYS.between(GeodataGenerator.HISTORY_START, LocalDate.of(2022, 12, 31));
        double km22 = k23 * Math.pow((d22 + 0.5) / preDays, 2);
        double[] curveKm = {trunkKm, km22, k23, k24, totalKm};
        double[] curveShare = {0, SHARE_2022, SHARE_2023, Math.min(SHARE_2024, all - 0.02), all};
        int[] order = AccessSchedule.order(groups, households, trunkKm, curveKm, curveShare);

        // old local cables: only in settlements connected before 2014, so they are replaced, never lost
        long d13 = ChronoUnit.DAYS.between(GeodataGenerator.HISTORY_START, LocalDate.of(2013, 12, 31));
        double km13 = k23 * Math.pow(d13 / (double) preDays, 2);
        java.util.Set<Route> isLocal = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        isLocal.addAll(local);
        List<Route> early = new ArrayList<>();
        double at = trunkKm;
        for (int gi : order) {
            if (at >= km13) {
                break;
            }
            groupRoutes.get(gi).stream().filter(isLocal::contains).forEach(early::add);
            at += groups.get(gi).km();
        }
        double dec = 0;
        for (int i = 0; dec < decomKm && !early.isEmpty() && i < 4 * early.size(); i++) {
            Route rt = early.get(r.nextInt(early.size()));
            if (rt.decomm != null) {
                continue;
            }
            rt.comm = SiteSynthesizer.between(LocalDate.of(2006, 1, 1), LocalDate.of(2012, 12, 31), r.nextDouble());
            rt.decomm = SiteSynthesizer.between(LocalDate.of(2014, 1, 1), LocalDate.of(2022, 12, 31), r.nextDouble());
            dec += rt.lengthM / 1000;
        }
        for (List<Route> rs : groupRoutes) {
            rs.removeIf(x -> x.decomm != null);
        }
        double cum = 0;
        for (Route rt : trunk) {
            rt.comm = dateAt(cum + rt.lengthM / 2000, r.nextDouble());
            cum += rt.lengthM / 1000;
        }
        for (int gi : order) {
            double u = r.nextDouble();
            LocalDate first = null;
            for (Route rt : groupRoutes.get(gi)) {
                rt.comm = dateAt(cum + rt.lengthM / 2000, u);
                cum += rt.lengthM / 1000;
                first = first == null || rt.comm.isBefore(first) ? rt.comm : first;
            }
            LocalDate nodeDate = first != null ? first : dateAt(cum, u);
            for (Node n : groupNodes.get(gi)) {
                n.comm = nodeDate;
            }
        }
        g.stats.put("households.fixed_broadband_reachable.pct", GeodataGenerator.round1(100 * all));
    }

    /** The date of the fiber at cumulative length {@code cumKm}: a growth curve to end-2023, then the published years. */
    LocalDate dateAt(double cumKm, double u) {
        if (cumKm < k23) {
            return GeodataGenerator.HISTORY_START.plusDays(Math.round(Math.sqrt(cumKm / k23) * preDays));
        } else if (cumKm < k24) {
            return SiteSynthesizer.between(LocalDate.of(2024, 1, 1), GeodataGenerator.D24, u);
        } else if (cumKm < k25) {
            return SiteSynthesizer.between(LocalDate.of(2025, 1, 1), GeodataGenerator.D25, u);
        } else if (cumKm < k25 + h2km) {
            return SiteSynthesizer.between(LocalDate.of(2025, 7, 2), GeodataGenerator.SNAPSHOT, u);
        }
        return SiteSynthesizer.between(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), u);
    }
}
