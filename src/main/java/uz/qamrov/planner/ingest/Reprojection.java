package uz.qamrov.planner.ingest;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Features of a file that declares a CRS other than WGS84, reprojected to EPSG:4326 by PostGIS ({@code ST_Transform}:
 * the database knows every EPSG code the files name), one batch per round trip. Rows without a geometry pass unchanged.
 */
final class Reprojection {

    /** Features per round trip when a stream is reprojected: a chunk's worth of points in one statement. */
    static final int BATCH = 1_000;

    /** The database's side: WKB geometries in {@code srid} to WKB in EPSG:4326, in the same order. */
    interface Transformer {
        List<byte[]> to4326(List<byte[]> wkb, int srid);
    }

    private Reprojection() {
    }

    static List<SourceFeature> toWgs84(List<SourceFeature> features, int srid, Transformer db) {
        List<byte[]> wkb = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        WKBWriter writer = new WKBWriter(2);
        for (int i = 0; i < features.size(); i++) {
            Geometry g = features.get(i).geometry();
            if (g != null) {
                wkb.add(writer.write(g));
                at.add(i);
            }
        }
        if (wkb.isEmpty()) {
            return features;
        }
        List<byte[]> out;
        try {
            out = db.to4326(wkb, srid);
        } catch (org.springframework.dao.NonTransientDataAccessException e) {
            // PROJ refuses a coordinate outside the CRS's domain and the whole batch's statement fails: find the
            // features it refuses one by one, each a row-level rejection (a database that is down still fails the job)
            return oneByOne(features, srid, db);
        }
        List<SourceFeature> result = new ArrayList<>(features);
        WKBReader reader = new WKBReader();
        try {
            for (int k = 0; k < at.size(); k++) {
                SourceFeature f = result.get(at.get(k));
                result.set(at.get(k), new SourceFeature(f.number(), f.attrs(), reader.read(out.get(k)), f.readError()));
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    private static List<SourceFeature> oneByOne(List<SourceFeature> features, int srid, Transformer db) {
        List<SourceFeature> result = new ArrayList<>(features.size());
        WKBWriter writer = new WKBWriter(2);
        WKBReader reader = new WKBReader();
        for (SourceFeature f : features) {
            if (f.geometry() == null) {
                result.add(f);
                continue;
            }
            try {
                Geometry g = reader.read(db.to4326(List.of(writer.write(f.geometry())), srid).get(0));
                result.add(new SourceFeature(f.number(), f.attrs(), g, f.readError()));
            } catch (org.springframework.dao.NonTransientDataAccessException | ParseException e) {
                result.add(new SourceFeature(f.number(), f.attrs(), null, "the geometry cannot be reprojected from EPSG:"
                        + srid + " to EPSG:4326: a coordinate lies outside the area that CRS is defined for"));
            }
        }
        return result;
    }

    static String note(int srid) {
        return "reprojected from EPSG:" + srid + " to EPSG:4326";
    }
}
