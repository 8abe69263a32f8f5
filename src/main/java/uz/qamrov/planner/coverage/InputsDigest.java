package uz.qamrov.planner.coverage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import uz.qamrov.planner.system.FileSha256;

/**
 * A SHA-256 of everything a coverage model is built from ({@link StoredInputs}): two input sets with the same digest
 * hold the same rows, whatever their order. A restart compares it with the last generation's (with the code, the
 * settings and the terrain, {@link CoverageModels#answersDigest}) to know whether its stored runs still answer.
 *
 * <p>Each row is digested whole, by every component of its record (a component added to an input record later
 * is digested without anyone remembering to); a layer is the sum of its rows' digests modulo 2^256, so the order
 * rows come in does not matter (the database returns them in any order) and a row listed twice counts twice. A
 * component of a type this class cannot digest for sure (an array, a collection) is an error, not a silent identity
 * hash: {@code InputsDigestTest} digests every input record.
 */
final class InputsDigest {

    private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private InputsDigest() {
    }

    /** The digest of the inputs, in hex. */
    static String of(StoredInputs in) {
        return of(in, null);
    }

    /**
     * The same, taking the sums of the layers only a rebuild changes (settlements, lines, declarations, areas) from
     * {@code fixed} when it has them for the same list objects, and keeping them there: an import's generation holds
     * its rebuild's lists of those, so only the network is digested again (nationally most of the cost).
     */
    static String of(StoredInputs in, FixedLayers fixed) {
        MessageDigest all = sha();
        layer(all, "settlements", in.settlements(), fixed);
        layer(all, "cells", in.cells(), null);
        layer(all, "sites", in.sites(), null);
        layer(all, "lines", in.lines(), fixed);
        layer(all, "routes", in.routes(), null);
        layer(all, "nodes", in.nodes(), null);
        layer(all, "declarations", in.declarations(), fixed);
        layer(all, "areas", in.areas(), fixed);
        return HexFormat.of().formatHex(all.digest());
    }

    /** Layer sums by the identity of their list (see {@link #of(StoredInputs, FixedLayers)}). Thread-safe. */
    static final class FixedLayers {
        private final Map<List<?>, byte[]> sums = new IdentityHashMap<>();

        /** Forgets every list (a rebuild brings new ones; the old ones need not stay reachable from here). */
        synchronized void clear() {
            sums.clear();
        }

        synchronized byte[] get(List<?> rows) {
            return sums.get(rows);
        }

        synchronized void put(List<?> rows, byte[] sum) {
            sums.put(rows, sum);
        }
    }

    private static void layer(MessageDigest all, String name, List<? extends Record> rows, FixedLayers fixed) {
        byte[] sum = fixed == null ? null : fixed.get(rows);
        if (sum == null) {
            sum = sum(rows);
            if (fixed != null) {
                fixed.put(rows, sum);
            }
        }
        all.update(name.getBytes(StandardCharsets.UTF_8));
        // the count and the sum's length in fixed widths: no two layers feed the same bytes
        all.update(java.nio.ByteBuffer.allocate(13).put((byte) 0).putLong(rows.size()).putInt(sum.length).array());
        all.update(sum);
    }

    private static byte[] sum(List<? extends Record> rows) {
        BigInteger sum = BigInteger.ZERO;
        Row row = new Row();
        for (Record r : rows) {
            sum = sum.add(new BigInteger(1, row.digest(r)));
        }
        return sum.mod(MODULUS).toByteArray();
    }

    /** One row's digest; reused for the rows of a layer (not thread-safe). */
    static final class Row {
        private final MessageDigest sha = sha();
        private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.BIG_ENDIAN, false);
        private final byte[] eight = new byte[8];

        byte[] digest(Record r) {
            feedRecord(r);
            return sha.digest();
        }

        private void feedRecord(Record r) {
            text(r.getClass().getName());
            for (RecordComponent c : COMPONENTS.get(r.getClass())) {
                Object v;
                try {
                    v = c.getAccessor().invoke(r);
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(), e);
                }
                feed(r.getClass(), c.getName(), v);
            }
        }

        private void feed(Class<?> owner, String component, Object v) {
            // each value tagged by its type, so that no two different values of different types feed the same bytes
            if (v == null) {
                sha.update((byte) 0);
            } else if (v instanceof Double d) {
                tag('D').putLong(Double.doubleToLongBits(d)); // -0.0 and 0.0 differ: a miss, never a wrong hit
            } else if (v instanceof Long l) {
                tag('J').putLong(l);
            } else if (v instanceof Integer i) {
                tag('I').putLong(i);
            } else if (v instanceof Boolean b) {
                tag(b ? 'T' : 'F');
            } else if (v instanceof String str) {
                tag('S');
                bytes(str.getBytes(StandardCharsets.UTF_8));
            } else if (v instanceof Enum<?> e) {
                tag('E');
                bytes(e.name().getBytes(StandardCharsets.UTF_8));
            } else if (v instanceof java.time.LocalDate date) {
                tag('L').putLong(date.toEpochDay());
            } else if (v instanceof Record inner) {
                tag('R');
                feedRecord(inner);
            } else if (v instanceof Geometry g) {
                tag('G');
                bytes(wkb.write(g));
            } else {
                // an array or a collection would digest by identity or by a toString nobody checked
                throw new IllegalArgumentException("cannot digest " + owner.getSimpleName() + "." + component + " of type "
                        + v.getClass().getName() + "; teach InputsDigest how");
            }
        }

        private Row tag(char t) {
            sha.update((byte) t);
            return this;
        }

        private void putLong(long v) {
            for (int i = 0; i < 8; i++) {
                eight[i] = (byte) (v >>> (56 - 8 * i));
            }
            sha.update(eight, 0, 8);
        }

        private void text(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        private void bytes(byte[] b) {
            putLong(b.length); // the length first: two values fed one after the other cannot be taken for another pair
            sha.update(b);
        }
    }

    static MessageDigest sha() {
        return FileSha256.newDigest();
    }
}
