package uz.qamrov.engine.measure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

import uz.qamrov.engine.geodesy.LocalMetric;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Validity;

/**
 * Geodesic distance in metres from a WGS84 lon/lat point (e.g. a settlement, for gap lists) to the nearest site or
 * fiber (route or node) active on a date, optionally of one operator. Works on a snapshot of the model's network
 * taken at construction ({@link #of}); build a new finder after incremental updates.
 *
 * <p>Search expands from 1 km, doubling, up to {@code maxSearchM} (default 1,000 km); each ring is an STRtree
 * envelope query followed by exact distances in the query point's {@link LocalMetric} plane (routes are indexed as
 * ≤ 64-vertex pieces). Empty when nothing active lies within the maximum. Thread-safe.
 */
public final class NearestFinder {

    private record Item(long id, String kind, String operator, Validity validity, Coordinate[] coords) {
    }

    private final STRtree sites;
    private final STRtree fiber;
    private final double maxSearchM;

    /** A finder with a new site index and another finder's fiber index (read-only once built, so shareable). */
    private NearestFinder(STRtree sites, STRtree fiber, double maxSearchM) {
        this.sites = sites;
        this.fiber = fiber;
        this.maxSearchM = maxSearchM;
    }

    private static STRtree siteTree(List<Site> siteList) {
        STRtree tree = new STRtree();
        for (Site s : siteList) {
            Coordinate c = new Coordinate(s.lon(), s.lat());
            tree.insert(new Envelope(c), new Item(s.id(), "site", s.operator(), s.validity(), new Coordinate[] {c}));
        }
        tree.build();
        return tree;
    }

    private NearestFinder(List<Site> siteList, List<FiberRoute> routes, List<FiberNode> nodes, double maxSearchM) {
        this.maxSearchM = maxSearchM;
        this.sites = siteTree(siteList);
        this.fiber = new STRtree();
        for (FiberRoute r : routes) {
            // densify to ≤ 2 km edges: a long lon/lat edge is a curve in the query point's plane
            LineChunker.Pieces p = LineChunker.cut(r.geometry(), 2_000);
            if (p.n == 0) {
                Coordinate c = r.geometry().getCoordinateN(0);
                fiber.insert(new Envelope(c), new Item(r.id(), "fiber_route", r.operator(), r.validity(),
                        new Coordinate[] {c}));
                continue;
            }
            Coordinate[] cs = new Coordinate[p.n + 1];
            for (int i = 0; i < p.n; i++) {
                cs[i] = new Coordinate(p.lon0[i], p.lat0[i]);
            }
            cs[p.n] = new Coordinate(p.lon1[p.n - 1], p.lat1[p.n - 1]);
            for (int i = 0; i < cs.length - 1; i += 63) {
                int end = Math.min(cs.length, i + 64);
                Coordinate[] piece = java.util.Arrays.copyOfRange(cs, i, end);
                Envelope env = new Envelope();
                for (Coordinate c : piece) {
                    env.expandToInclude(c);
                }
                fiber.insert(env, new Item(r.id(), "fiber_route", r.operator(), r.validity(), piece));
            }
        }
        for (FiberNode n : nodes) {
            Coordinate c = new Coordinate(n.lon(), n.lat());
            fiber.insert(new Envelope(c), new Item(n.id(), "fiber_node", n.operator(), n.validity(), new Coordinate[] {c}));
        }
        fiber.build();
    }

    /**
     * This finder with the sites of {@code model} and this finder's fiber: after a change of sites only, the
     * fiber index (hundreds of thousands of route pieces, seconds to build) stays as it is; the site index is
     * rebuilt (tens of thousands of points, a fraction of that). The caller knows the fiber did not change.
     */
    public NearestFinder withSitesOf(CoverageModel model) {
        return withSites(model.sites());
    }

    /** {@link #withSitesOf} from a list of sites taken earlier (the index is built without the model's lock). */
    public NearestFinder withSites(List<Site> sites) {
        return new NearestFinder(siteTree(sites), fiber, maxSearchM);
    }

    /** A finder of these sites, routes and nodes (lists taken from a model earlier, so its lock is not held). */
    public static NearestFinder of(List<Site> sites, List<FiberRoute> routes, List<FiberNode> nodes) {
        return new NearestFinder(sites, routes, nodes, DEFAULT_MAX_SEARCH_M);
    }

    /** How far {@link #of(CoverageModel)} looks: the whole country and beyond. */
    public static final double DEFAULT_MAX_SEARCH_M = 1_000_000;

    public static NearestFinder of(CoverageModel model) {
        return new NearestFinder(model.sites(), model.fiberRoutes(), model.fiberNodes(), DEFAULT_MAX_SEARCH_M);
    }

    public static NearestFinder of(CoverageModel model, double maxSearchM) {
        return new NearestFinder(model.sites(), model.fiberRoutes(), model.fiberNodes(), maxSearchM);
    }

    public Optional<Nearest> nearestSite(double lon, double lat, LocalDate asOf, String operator) {
        return nearest(sites, lon, lat, asOf, operator);
    }

    public Optional<Nearest> nearestFiber(double lon, double lat, LocalDate asOf, String operator) {
        return nearest(fiber, lon, lat, asOf, operator);
    }

    public Optional<Nearest> nearestSite(Settlement s, LocalDate asOf, String operator) {
        return nearestSite(s.lon(), s.lat(), asOf, operator);
    }

    public Optional<Nearest> nearestFiber(Settlement s, LocalDate asOf, String operator) {
        return nearestFiber(s.lon(), s.lat(), asOf, operator);
    }

    /**
     * Distances for every settlement of the model (input order), in parallel. Typically run for the uncovered
     * settlements' gap list, but cheap enough (~ms per thousand) to run for all.
     */
    public List<SettlementDistances> distancesFor(List<Settlement> settlements, LocalDate asOf, String operator) {
        SettlementDistances[] out = new SettlementDistances[settlements.size()];
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> {
            Settlement s = settlements.get(i);
            out[i] = new SettlementDistances(s.id(),
                    nearestSite(s, asOf, operator).map(Nearest::distanceM).orElse(null),
                    nearestFiber(s, asOf, operator).map(Nearest::distanceM).orElse(null));
        });
        return List.of(out);
    }

    /** Distance to the nearest active site per settlement (input order; NaN for none), in parallel. */
    public double[] siteDistancesM(List<Settlement> settlements, LocalDate asOf, String operator) {
        return distancesM(sites, settlements, asOf, operator);
    }

    /**
     * {@link #siteDistancesM} after sites were only added (none moved, changed or removed): a new site can only bring
     * a settlement's nearest site closer, so each distance is the smaller of {@code before} (the same settlements,
     * date and operator before the sites were added; NaN for none) and the nearest added site active on
     * {@code asOf}. Equal to measuring all sites again; costs a search among the added sites only.
     */
    public static double[] narrowedByAddedSites(double[] before, List<Settlement> settlements, List<Site> added,
            LocalDate asOf, String operator) {
        if (before.length != settlements.size()) {
            throw new IllegalArgumentException(before.length + " distances for " + settlements.size() + " settlements");
        }
        if (added.isEmpty()) {
            return before.clone();
        }
        STRtree noFiber = new STRtree();
        noFiber.build();
        double[] nearestAdded = new NearestFinder(siteTree(added), noFiber, DEFAULT_MAX_SEARCH_M)
                .siteDistancesM(settlements, asOf, operator);
        double[] out = new double[before.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(before[i]) ? nearestAdded[i]
                    : Double.isNaN(nearestAdded[i]) ? before[i] : Math.min(before[i], nearestAdded[i]);
        }
        return out;
    }

    /**
     * {@link #siteDistancesM} on {@code asOf} (any operator) from the distances {@code before} of the same sites on
     * {@code beforeDate}: equal to measuring again, at the cost of a search among the sites active on one date only
     * ({@link #fromOtherDate}). A month apart they are a few hundred of the country's tens of thousands.
     */
    public double[] siteDistancesFrom(double[] before, LocalDate beforeDate, List<Settlement> settlements,
            LocalDate asOf) {
        return fromOtherDate(sites, before, beforeDate, settlements, asOf);
    }

    /** The same for {@link #fiberDistancesM}: routes and nodes of this finder, any operator. */
    public double[] fiberDistancesFrom(double[] before, LocalDate beforeDate, List<Settlement> settlements,
            LocalDate asOf) {
        return fromOtherDate(fiber, before, beforeDate, settlements, asOf);
    }

    /**
     * Each settlement's distance on {@code asOf} from its distance {@code b} on {@code beforeDate}. The items active
     * on both dates include the one at {@code b} unless an item active on the earlier date only lies within {@code
     * b} ("lost"); then the settlement is measured again. Otherwise its distance is the smaller of {@code b} and the
     * nearest item active on {@code asOf} only ("gained") — the same distances of the same items as a full search.
     */
    private double[] fromOtherDate(STRtree tree, double[] before, LocalDate beforeDate, List<Settlement> settlements,
            LocalDate asOf) {
        if (before.length != settlements.size()) {
            throw new IllegalArgumentException(before.length + " distances for " + settlements.size() + " settlements");
        }
        STRtree gained = new STRtree();
        STRtree lost = new STRtree();
        @SuppressWarnings("unchecked")
        List<Item> all = tree.query(new Envelope(-180, 180, -90, 90));
        for (Item it : all) {
            boolean then = it.validity().contains(beforeDate);
            boolean now = it.validity().contains(asOf);
            if (then != now) {
                Envelope env = new Envelope();
                for (Coordinate c : it.coords()) {
                    env.expandToInclude(c);
                }
                (now ? gained : lost).insert(env, it);
            }
        }
        gained.build();
        lost.build();
        double[] out = new double[before.length];
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> {
            Settlement s = settlements.get(i);
            double b = before[i];
            if (Double.isNaN(b)) {
                // nothing within the search on the earlier date: only what was gained can be
                out[i] = nearest(gained, s.lon(), s.lat(), asOf, null).map(Nearest::distanceM).orElse(Double.NaN);
            } else if (nearestWithin(lost, s.lon(), s.lat(), b) <= b) {
                out[i] = nearest(tree, s.lon(), s.lat(), asOf, null).map(Nearest::distanceM).orElse(Double.NaN);
            } else {
                out[i] = Math.min(b, nearestWithin(gained, s.lon(), s.lat(), b));
            }
        });
        return out;
    }

    /** The least distance to an item of {@code tree} among those in the box of radius {@code r}; infinite for none. */
    private static double nearestWithin(STRtree tree, double lon, double lat, double r) {
        @SuppressWarnings("unchecked")
        List<Item> cand = tree.query(box(lon, lat, r));
        if (cand.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        LocalMetric m = LocalMetric.at(lon, lat);
        Coordinate origin = new Coordinate(0, 0);
        double best = Double.POSITIVE_INFINITY;
        for (Item it : cand) {
            best = Math.min(best, distanceM(m, origin, it.coords()));
        }
        return best;
    }

    /** Distance to the nearest active fiber route or node per settlement (input order; NaN for none), in parallel. */
    public double[] fiberDistancesM(List<Settlement> settlements, LocalDate asOf, String operator) {
        return distancesM(fiber, settlements, asOf, operator);
    }

    private double[] distancesM(STRtree tree, List<Settlement> settlements, LocalDate asOf, String operator) {
        double[] out = new double[settlements.size()];
        java.util.stream.IntStream.range(0, out.length).parallel().forEach(i -> {
            Settlement s = settlements.get(i);
            out[i] = nearest(tree, s.lon(), s.lat(), asOf, operator).map(Nearest::distanceM).orElse(Double.NaN);
        });
        return out;
    }

    private Optional<Nearest> nearest(STRtree tree, double lon, double lat, LocalDate asOf, String operator) {
        LocalMetric m = LocalMetric.at(lon, lat);
        Coordinate origin = new Coordinate(0, 0);
        for (double r = 1_000; r < 2 * maxSearchM; r *= 2) {
            @SuppressWarnings("unchecked")
            List<Item> cand = tree.query(box(lon, lat, r));
            Nearest best = null;
            for (Item it : cand) {
                if (!it.validity().contains(asOf) || (operator != null && !operator.equals(it.operator()))) {
                    continue;
                }
                double d = distanceM(m, origin, it.coords());
                if (best == null || d < best.distanceM()) {
                    best = new Nearest(it.id(), it.kind(), d);
                }
            }
            // everything within r of the point is inside the queried envelope, so a hit ≤ r is the global nearest
            if (best != null && (best.distanceM() <= r || r * 2 >= 2 * maxSearchM)) {
                return best.distanceM() <= maxSearchM ? Optional.of(best) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A lon/lat box holding everything within {@code r} metres of the point (a little wider, never narrower). */
    private static Envelope box(double lon, double lat, double r) {
        double dLat = r / 110_500.0 * 1.01;
        double dLon = dLat / Math.cos(Math.toRadians(Math.min(89, Math.abs(lat) + dLat)));
        return new Envelope(lon - dLon, lon + dLon, lat - dLat, lat + dLat);
    }

    private static double distanceM(LocalMetric m, Coordinate origin, Coordinate[] cs) {
        List<Coordinate> local = new ArrayList<>(cs.length);
        for (Coordinate c : cs) {
            double[] p = m.toLocal(c.x, c.y);
            local.add(new Coordinate(p[0], p[1]));
        }
        if (local.size() == 1) {
            return local.get(0).distance(origin);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < local.size(); i++) {
            best = Math.min(best, Distance.pointToSegment(origin, local.get(i - 1), local.get(i)));
        }
        return best;
    }
}
