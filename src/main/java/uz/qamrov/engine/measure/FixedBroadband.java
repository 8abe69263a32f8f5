package uz.qamrov.engine.measure;

import java.util.stream.IntStream;

import uz.qamrov.engine.measure.FiberReach.NodeRec;
import uz.qamrov.engine.measure.FiberReach.RouteRec;
import uz.qamrov.engine.measure.SettlementTable.SettlementRec;
import uz.qamrov.engine.model.ServiceDeclaration;

/**
 * Fixed broadband on one date under one filter: per settlement the operators whose fibre route or access node on air
 * lies within the drop distance, or who declare the service there; and the fibre km and broadband ports per scope.
 * It reads no cell, so an upload of sites leaves it as it was: {@link FiberReach} keeps the latest ones until its
 * fibre changes, and the evaluation after a site upload skips the ~300,000 routes of the national data (a third of
 * the indicators' time in the 1,000-site round). Immutable.
 */
final class FixedBroadband {

    /**
     * Per settlement: the operators that serve it (a bit per operator id), 0 where none does. Every route, node and
     * declaration holds its operator's id, so a settlement is served exactly when its mask is not 0.
     */
    private final long[] operators;
    /** Per scope (national, region, district): fibre km on air, and broadband ports of the nodes on air. */
    private final double[] fiberKm;
    private final double[] ports;

    private FixedBroadband(long[] operators, double[] fiberKm, double[] ports) {
        this.operators = operators;
        this.fiberKm = fiberKm;
        this.ports = ports;
    }

    boolean covered(int settlement) {
        return operators[settlement] != 0;
    }

    long operators(int settlement) {
        return operators[settlement];
    }

    double fiberKm(int scope) {
        return fiberKm[scope];
    }

    double ports(int scope) {
        return ports[scope];
    }

    /** Evaluates fixed broadband on the date and filter of {@code active}; the caller holds the model's read lock. */
    static FixedBroadband of(FiberReach fiber, SettlementTable settlements, Scopes scopes, OperatorRegistry registry,
            ActiveCells active) {
        Slots<RouteRec> routes = fiber.routes;
        boolean[] routeOn = new boolean[routes.slotCount()];
        long all = 0;
        for (int slot = 0; slot < routeOn.length; slot++) {
            RouteRec r = routes.at(slot);
            routeOn[slot] = r != null && active.active(r.from, r.to) && active.operatorOk(r.op);
            all |= routeOn[slot] ? 1L << r.op : 0;
        }
        Slots<NodeRec> nodes = fiber.nodes;
        boolean[] nodeOn = new boolean[nodes.slotCount()];
        for (int slot = 0; slot < nodeOn.length; slot++) {
            NodeRec r = nodes.at(slot);
            nodeOn[slot] = r != null && active.active(r.from, r.to) && active.operatorOk(r.op);
            all |= nodeOn[slot] ? 1L << r.op : 0;
        }
        long allOperators = all;
        long[] operators = new long[settlements.size()];
        IntStream.range(0, operators.length).parallel().forEach(i -> {
            SettlementRec r = settlements.get(i);
            long mask = 0;
            // ~80 routes per settlement on average: stop once every operator with fibre on air is known
            for (int k = 0; k < r.routes.length && mask != allOperators; k++) {
                if (routeOn[r.routes[k]]) {
                    mask |= 1L << routes.at(r.routes[k]).op;
                }
            }
            for (int k = 0; k < r.nodes.length && mask != allOperators; k++) {
                if (nodeOn[r.nodes[k]]) {
                    mask |= 1L << nodes.at(r.nodes[k]).op;
                }
            }
            for (ServiceDeclaration d : r.declarations) {
                int op = registry.idOf(d.operator());
                if (d.validity().contains(active.asOf) && active.operatorOk(op)) {
                    mask |= 1L << op;
                }
            }
            operators[i] = mask;
        });
        // summed in slot order, as the indicators always were (the same bits)
        double[] km = new double[scopes.size()];
        for (int slot = 0; slot < routeOn.length; slot++) {
            if (routeOn[slot]) {
                RouteRec r = routes.at(slot);
                km[0] += r.totalKm;
                for (int k = 0; k < r.scopes.length; k++) {
                    km[r.scopes[k]] += r.km[k];
                }
            }
        }
        double[] ports = new double[scopes.size()];
        for (int slot = 0; slot < nodeOn.length; slot++) {
            if (nodeOn[slot]) {
                NodeRec nr = nodes.at(slot);
                double v = nr.node.broadbandPorts();
                ports[0] += v;
                if (nr.region >= 0) {
                    ports[nr.region] += v;
                }
                if (nr.district >= 0) {
                    ports[nr.district] += v;
                }
            }
        }
        return new FixedBroadband(operators, km, ports);
    }

    /** Heap held by one, for the memo's bound (bytes, roughly). */
    static long bytesFor(int settlements, int scopes) {
        return 8L * settlements + 16L * scopes + 64;
    }
}
