package uz.qamrov.geodata.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.geodata.generator.GeodataGenerator.Line;
import uz.qamrov.geodata.generator.GeodataGenerator.Node;
import uz.qamrov.geodata.generator.GeodataGenerator.Route;
import uz.qamrov.geodata.generator.GeodataGenerator.Settlement;
import uz.qamrov.geodata.generator.GeodataGenerator.Site;
/**
 * The synthetic fiber network: backbone along highways and railways, regional links between towns, a distribution
 * tree to settlements and local distribution inside them, dated by cumulative length; and its nodes (exchanges,
 * OLTs, cabinets, splices) dated by cumulative ports.
 */
final class FiberSynthesizer {    private final GeodataGenerator g;
    private final double scale;

    FiberSynthesizer(GeodataGenerator g) {
        this.g = g;
        this.scale = g.scale();
    }

    // ------------------------------------------------------------------------------------------ fiber

    void buildFiber(SplittableRandom r) {
        double k23 = 236_000 * scale;
        double k24 = 293_100 * scale;
        double k25 = 314_500 * scale;
        double h2km = 2_000 * scale;
        double plannedKm = 9_000 * scale;
        double decomKm = 3_000 * scale;
        List<Route> routes = g.routes();
        // backbone: along every highway and railway, one route per stretch between consecutive anchor towns
        List<Line> lines = new ArrayList<>(g.highways());
        lines.addAll(g.railways());
        Set<String> seenStretch = new HashSet<>();
        for (Line l : lines) {
            boolean rail = g.railways().contains(l);
            Coordinate[] cs = l.geom().getCoordinates();
            List<Integer> idx = l.anchorIdx();
            for (int a = 1; a < idx.size(); a++) {
                int i0 = idx.get(a - 1);
                int i1 = idx.get(a);
                if (i1 <= i0) {
                    continue;
                }
                LineString part = Geo.GF.createLineString(Arrays.copyOfRange(cs, i0, i1 + 1));
                LineString simple = GeodataGenerator.simplify(part, 0.003);
                String stretchKey = cs[i0].x + "," + cs[i0].y + ">" + cs[i1].x + "," + cs[i1].y;
                boolean dup = !seenStretch.add(stretchKey);
                double[] p = rail ? new double[] {1.0, 0.3, 0.0, 0.0, 0.0} : new double[] {dup ? 0 : 1.0, 0.5, 0.5, 0.35, 0.05};
                for (int o = 0; o < p.length; o++) {
                    if (r.nextDouble() < p[o]) {
                        addRoute(GeodataGenerator.ops()[o], "backbone", simple, r.nextDouble() * 0.3,
                                new double[] {100, 200, 400}[r.nextInt(3)]);
                    }
                }
            }
        }
        // regional: each real town to its two nearest real towns of the same region
        List<Settlement> st = g.settlements();
        List<Settlement> real = st.stream().filter(s -> s.real).toList();
        Set<String> pairs = new HashSet<>();
        for (Settlement a : real) {
            List<Settlement> near = real.stream().filter(b -> b != a && b.region.equals(a.region))
                    .sorted(Comparator.comparingDouble((Settlement b) -> Geo.approxM(a.lon, a.lat, b.lon, b.lat))
                            .thenComparing(b -> b.extId))
                    .limit(2).toList();
            for (Settlement b : near) {
                String key = a.extId.compareTo(b.extId) < 0 ? a.extId + "|" + b.extId : b.extId + "|" + a.extId;
                if (!pairs.add(key)) {
                    continue;
                }
                LineString ls = wobbly(a.lon, a.lat, b.lon, b.lat, r);
                addRoute("uzmobile", "regional", ls, 0.2 + r.nextDouble() * 0.4, new double[] {10, 40, 100}[r.nextInt(3)]);
                for (int o = 1; o < 4; o++) {
                    if (r.nextDouble() < 0.25) {
                        addRoute(GeodataGenerator.ops()[o], "regional", ls, 0.3 + r.nextDouble() * 0.5, 10);
                    }
                }
            }
        }
        // distribution tree: settlements by distance from the nearest town, each joins the nearest connected node
        PointGrid connected = new PointGrid(0.1);
        for (Settlement s : real) {
            connected.add(s.lon, s.lat, 0);
            s.fiber = true;
        }
        List<Settlement> order = new ArrayList<>(st.stream().filter(s -> !s.real).toList());
        order.sort(Comparator.comparingDouble((Settlement s) -> s.distRealM).thenComparing(s -> s.extId));
        int skipped = 0;
        for (Settlement s : order) {
            boolean remote = s.distRealM > 20_000;
            // calibrated so that fixed broadband is possible for roughly 60-70% of households by 2025, as the
            // roadmap's 75% target implies: small and remote villages are often not reached by fiber
            double pSkip = s.pop >= 3_000 ? 0.1 : remote ? 0.8 : 0.5;
            if (r.nextDouble() < pSkip) {
                skipped++;
                continue;
            }
            double[] n = connected.nearest(s.lon, s.lat, 200_000);
            if (n == null) {
                skipped++;
                continue;
            }
            if (n[3] > 50) {
                LineString ls = wobbly(n[0], n[1], s.lon, s.lat, r);
                String op = r.nextDouble() < 0.85 ? "uzmobile" : GeodataGenerator.ops()[1 + r.nextInt(3)];
                addRoute(op, "distribution", ls, 1 + 0.02 * r.nextDouble(), 10).settlement = s;
            }
            connected.add(s.lon, s.lat, 0);
            s.fiber = true;
        }
        g.stats.put("settlements.without_fiber_tree", skipped);
        // local distribution inside connected settlements, sized to reach the national totals
        double have = routes.stream().mapToDouble(x -> x.lengthM).sum() / 1000;
        double need = k25 + h2km + plannedKm + decomKm - have;
        double popFiber = st.stream().filter(s -> s.fiber).mapToDouble(s -> s.pop).sum();
        List<Route> local = new ArrayList<>();
        double budgetCarry = 0;
        for (Settlement s : st) {
            if (!s.fiber) {
                continue;
            }
            double km = need * s.pop / popFiber + budgetCarry;
            // short streets-and-drops cables that stay inside the settlement, so they do not make the neighbouring
            // villages "connected" as a side effect (that kept fixed broadband far above the roadmap's baseline)
            double meanLen = Math.max(400, Math.min(2_500, 1.0 * s.radiusM));
            int count = (int) Math.floor(km * 1000 / meanLen);
            budgetCarry = km - count * meanLen / 1000;
            for (int i = 0; i < count; i++) {
                double len = meanLen * (0.6 + 0.8 * r.nextDouble());
                Coordinate a = Geo.randomInDisk(s.lon, s.lat, s.radiusM * 0.4, r);
                double az = r.nextDouble() * 360;
                Coordinate b = Geo.destination(a.x, a.y, az, len * 0.5);
                Coordinate c = Geo.destination(b.x, b.y, az + (r.nextDouble() - 0.5) * 120, len * 0.5);
                Coordinate[] cs = {Geo.keepInside(a, g.outline(), g.outlinePrep()), Geo.keepInside(b, g.outline(), g.outlinePrep()),
                    Geo.keepInside(c, g.outline(), g.outlinePrep())};
                if (cs[0].equals2D(cs[1]) || cs[1].equals2D(cs[2])) {
                    continue;
                }
                String op = r.nextDouble() < 0.85 ? "uzmobile" : GeodataGenerator.ops()[1 + r.nextInt(3)];
                Route rt = addRoute(op, "distribution", Geo.GF.createLineString(cs),
                        1 + 0.02 * r.nextDouble(), s.pop >= 50_000 ? 10 : 1);
                rt.settlement = s;
                local.add(rt);
            }
        }
        createAccessNodes(r);
        new AccessDating(g, k23, k24, k25, h2km).date(r, local, decomKm);
        Map<String, Integer> seq = new HashMap<>();
        for (Route rt : routes) {
            int n = seq.merge(rt.op, 1, Integer::sum);
            rt.extId = String.format(Locale.ROOT, "FR-%s-%06d", GeodataGenerator.opPrefix(rt.op), n);
        }
        for (LocalDate d : new LocalDate[] {GeodataGenerator.D23, GeodataGenerator.D24, GeodataGenerator.D25}) {
            double km = routes.stream().filter(x -> SiteSynthesizer.activeOn(x.comm, x.decomm, d)).mapToDouble(x -> x.lengthM).sum() / 1000;
            g.stats.put("fiber.active_km." + d, Math.round(km));
        }
        addSplicesAndIds();
    }

    private Route addRoute(String op, String kind, LineString ls, double prio, double cap) {
        Route rt = new Route();
        rt.op = op;
        rt.kind = kind;
        rt.geom = ls;
        rt.lengthM = Geo.lengthM(ls);
        rt.prio = prio;
        rt.cap = cap;
        g.routes().add(rt);
        return rt;
    }

    private LineString wobbly(double lon1, double lat1, double lon2, double lat2, SplittableRandom r) {
        Coordinate a = Geo.round(new Coordinate(lon1, lat1));
        Coordinate b = Geo.round(new Coordinate(lon2, lat2));
        double d = Geo.distM(a, b);
        double az = Geo.azimuth(a, b);
        Coordinate mid = Geo.destination(a.x, a.y, az, d / 2);
        mid = Geo.keepInside(Geo.destination(mid.x, mid.y, az + 90, (r.nextDouble() - 0.5) * 0.16 * d), g.outline(), g.outlinePrep());
        if (mid.equals2D(a) || mid.equals2D(b)) {
            return Geo.GF.createLineString(new Coordinate[] {a, b});
        }
        return Geo.GF.createLineString(new Coordinate[] {a, mid, b});
    }

    /** Exchanges, OLTs and cabinets of the connected settlements (dated with their settlement's access network). */
    private void createAccessNodes(SplittableRandom r) {
        List<Node> nodes = g.nodes();
        double totalPorts = 5_450_000 * scale;
        List<Settlement> st = g.settlements().stream().filter(s -> s.fiber).toList();
        double w = st.stream().mapToDouble(s -> s.pop * (s.real ? 1.0 : 0.6)).sum();
        for (Settlement s : st) {
            long ports = Math.round(totalPorts * s.pop * (s.real ? 1.0 : 0.6) / w);
            List<Node> here = new ArrayList<>();
            if (s.real) {
                here.add(node("exchange", s, r));
                int olts = (int) Math.ceil(s.pop / 25_000.0);
                for (int i = 0; i < olts; i++) {
                    here.add(node("olt", s, r));
                }
            } else {
                here.add(node(s.pop >= 2_500 ? "olt" : "cabinet", s, r));
            }
            long left = ports;
            for (int i = 0; i < here.size(); i++) {
                Node n = here.get(i);
                long p = i == here.size() - 1 ? left : ports / here.size();
                n.ports = (int) p;
                left -= p;
            }
            nodes.addAll(here);
        }
    }

    /** A splice at the middle of every uzmobile backbone route (its date), then the nodes' ids and statistics. */
    private void addSplicesAndIds() {
        List<Node> nodes = g.nodes();
        for (Route rt : g.routes()) {
            if (rt.kind.equals("backbone") && rt.op.equals("uzmobile")) {
                Coordinate c = rt.geom.getCoordinateN(rt.geom.getNumPoints() / 2);
                Node n = new Node();
                n.op = "uzmobile";
                n.kind = "splice";
                n.lon = c.x;
                n.lat = c.y;
                n.comm = rt.comm;
                n.prio = -1;
                nodes.add(n);
            }
        }
        Map<String, Integer> seq = new HashMap<>();
        for (Node n : nodes) {
            int k = seq.merge(n.op, 1, Integer::sum);
            n.extId = String.format(Locale.ROOT, "FN-%s-%06d", GeodataGenerator.opPrefix(n.op), k);
        }
        for (LocalDate d : new LocalDate[] {GeodataGenerator.D23, GeodataGenerator.D24, GeodataGenerator.D25}) {
            long p = nodes.stream().filter(n -> !n.comm.isAfter(d)).mapToLong(n -> n.ports).sum();
            g.stats.put("fiber_nodes.active_ports." + d, p);
        }
    }

    private Node node(String kind, Settlement s, SplittableRandom r) {
        Node n = new Node();
        n.op = kind.equals("exchange") || r.nextDouble() < 0.85 ? "uzmobile" : GeodataGenerator.ops()[1 + r.nextInt(3)];
        n.kind = kind;
        Coordinate c = Geo.keepInside(Geo.randomInDisk(s.lon, s.lat, s.radiusM * 0.7, r), g.outline(), g.outlinePrep());
        n.lon = c.x;
        n.lat = c.y;
        n.settlement = s;
        return n;
    }
}
