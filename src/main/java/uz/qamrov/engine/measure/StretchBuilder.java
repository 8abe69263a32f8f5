package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

import uz.qamrov.engine.measure.LineEdgeTable.LineRec;
import uz.qamrov.engine.model.Service;
import uz.qamrov.engine.model.TransportLine;

/**
 * Covered and uncovered stretches of one line per mobile service: walks its edges in order, merges each edge's
 * active intervals and joins contiguous pieces of the same coverage and region into one {@link LineStretch}.
 */
final class StretchBuilder {

    private final LineEdgeTable edges;
    private final Scopes scopes;
    private final GeometryFactory gf;

    StretchBuilder(LineEdgeTable edges, Scopes scopes, GeometryFactory gf) {
        this.edges = edges;
        this.scopes = scopes;
        this.gf = gf;
    }

    /** Stretches of line {@code li}; also stores each edge's high-speed-mobile covered km in {@code edgeHsmKm}. */
    List<LineStretch> stretches(int li, ActiveCells active, double[] edgeHsmKm) {
        LineRec lr = edges.lines[li];
        List<LineStretch> out = new ArrayList<>();
        for (Service s : Service.mobile()) {
            Writer w = new Writer(lr, s, out);
            for (int e = lr.firstEdge(); e < lr.endEdge(); e++) {
                double[] iv = IntervalMerger.merge(edges.cells[e], edges.whole[e], edges.t[e], active.tech,
                        ActiveCells.minTech(s));
                double t = 0;
                for (int k = 0; k < iv.length; k += 2) {
                    if (iv[k] > t) {
                        w.piece(e, t, iv[k], false);
                    }
                    w.piece(e, iv[k], iv[k + 1], true);
                    t = iv[k + 1];
                }
                if (t < 1) {
                    w.piece(e, t, 1, false);
                }
                if (s == Service.HIGH_SPEED_MOBILE) {
                    edgeHsmKm[e] = IntervalMerger.length(iv) * edges.lenKm[e];
                }
            }
            w.close();
        }
        return out;
    }

    /** Accumulates contiguous pieces of one line and service into stretches split by coverage and region. */
    private final class Writer {
        final LineRec lr;
        final Service service;
        final List<LineStretch> out;
        boolean open;
        boolean covered;
        int region;
        double fromKm;
        double toKm;
        List<Coordinate> coords;

        Writer(LineRec lr, Service service, List<LineStretch> out) {
            this.lr = lr;
            this.service = service;
            this.out = out;
        }

        Coordinate at(int e, double t) {
            return new Coordinate(edges.lon0[e] + t * (edges.lon1[e] - edges.lon0[e]),
                    edges.lat0[e] + t * (edges.lat1[e] - edges.lat0[e]));
        }

        void piece(int e, double t0, double t1, boolean cov) {
            if (t1 - t0 <= 1e-12) {
                return;
            }
            int reg = edges.region[e];
            double k0 = edges.startKm[e] + t0 * edges.lenKm[e];
            double k1 = edges.startKm[e] + t1 * edges.lenKm[e];
            if (open && (cov != covered || reg != region)) {
                close();
            }
            if (!open) {
                open = true;
                covered = cov;
                region = reg;
                fromKm = k0;
                coords = new ArrayList<>();
                coords.add(at(e, t0));
            }
            Coordinate end = at(e, t1);
            if (!end.equals2D(coords.get(coords.size() - 1))) {
                coords.add(end);
            }
            toKm = k1;
        }

        void close() {
            if (!open) {
                return;
            }
            if (coords.size() == 1) {
                coords.add(new Coordinate(coords.get(0)));
            }
            LineString g = gf.createLineString(coords.toArray(new Coordinate[0]));
            String regionCode = region < 0 ? null : scopes.codes.get(region);
            TransportLine tl = lr.line();
            out.add(new LineStretch(tl.id(), tl.kind(), tl.key(), service, covered, fromKm, toKm, toKm - fromKm,
                    regionCode, g));
            open = false;
        }
    }
}
