package uz.qamrov.planner.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import uz.qamrov.engine.RandomNetwork;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.ServiceDeclaration;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.Validity;

/**
 * The digest of a model's inputs: the same rows in any order give the same digest; each component of each input
 * record, changed alone, gives another (so a component added later is in the digest without anyone listing it); a row
 * listed twice is not the row listed once.
 */
class InputsDigestTest {

    private static StoredInputs inputs(long seed) {
        RandomNetwork net = new RandomNetwork(seed);
        List<Settlement> settlements = net.settlements(40, 0.5);
        List<Site> sites = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        net.sitesAndCells(30, sites, cells);
        List<FiberRoute> routes = net.fiberRoutes(6);
        List<FiberNode> nodes = net.fiberNodes(5);
        List<ServiceDeclaration> declarations = List.of(new ServiceDeclaration(settlements.get(3).id(), "beeline",
                new Validity(LocalDate.of(2024, 1, 1), null)));
        return new StoredInputs(settlements, cells, sites, net.lines(4), routes, nodes, declarations,
                RandomNetwork.areas(), 0);
    }

    @Test
    void theSameRowsInAnyOrderGiveTheSameDigest() {
        StoredInputs in = inputs(7);
        StoredInputs again = inputs(7); // every row a new object
        Random rnd = new Random(3);
        StoredInputs shuffled = new StoredInputs(shuffled(again.settlements(), rnd), shuffled(again.cells(), rnd),
                shuffled(again.sites(), rnd), shuffled(again.lines(), rnd), shuffled(again.routes(), rnd),
                shuffled(again.nodes(), rnd), again.declarations(), shuffled(again.areas(), rnd), 99);
        assertThat(InputsDigest.of(shuffled)).isEqualTo(InputsDigest.of(in)).hasSize(64);
        assertThat(InputsDigest.of(inputs(8))).isNotEqualTo(InputsDigest.of(in));
    }

    @Test
    void eachComponentOfEachInputChangedAloneGivesAnotherDigest() {
        StoredInputs in = inputs(11);
        Set<String> digests = new HashSet<>();
        digests.add(InputsDigest.of(in));
        int changes = 0;
        for (int layer = 0; layer < 8; layer++) {
            List<Record> rows = new ArrayList<>(layer(in, layer));
            Record row = rows.stream().filter(InputsDigestTest::everyComponentSet).findFirst().orElse(rows.get(0));
            for (RecordComponent c : row.getClass().getRecordComponents()) {
                Record changed = withChanged(row, c);
                if (changed == null) {
                    continue; // a component this test cannot change (none today but a null geometry)
                }
                String d = InputsDigest.of(replaced(in, layer, row, changed));
                assertThat(digests.add(d)).as(row.getClass().getSimpleName() + "." + c.getName() + " changed").isTrue();
                changes++;
            }
        }
        // Settlement 8, Cell 16, Site 5, TransportLine 5, FiberRoute 5, FiberNode 7, ServiceDeclaration 3, AdminArea 4
        assertThat(changes).isEqualTo(53);
    }

    @Test
    void aRowListedTwiceIsNotTheRowListedOnce() {
        StoredInputs in = inputs(5);
        List<Cell> twice = new ArrayList<>(in.cells());
        twice.add(in.cells().get(0));
        assertThat(InputsDigest.of(replacedCells(in, twice))).isNotEqualTo(InputsDigest.of(in));
        List<Cell> none = List.of();
        assertThat(InputsDigest.of(replacedCells(in, none))).isNotEqualTo(InputsDigest.of(in));
    }

    @Test
    void theFixedLayersSumsTakenBackGiveTheDigestOfAWholeComputation() {
        StoredInputs in = inputs(13);
        InputsDigest.FixedLayers fixed = new InputsDigest.FixedLayers();
        assertThat(InputsDigest.of(in, fixed)).isEqualTo(InputsDigest.of(in));
        // an import's generation: the same fixed lists, another network
        List<Cell> cells = new ArrayList<>(in.cells());
        cells.remove(0);
        StoredInputs imported = new StoredInputs(in.settlements(), cells, in.sites(), in.lines(), in.routes(), in.nodes(),
                in.declarations(), in.areas(), 0);
        assertThat(fixed.get(in.settlements())).as("kept").isNotNull();
        assertThat(InputsDigest.of(imported, fixed)).isEqualTo(InputsDigest.of(imported))
                .isNotEqualTo(InputsDigest.of(in));
    }

    record WithArray(long id, double[] values) {
    }

    @Test
    void aComponentItCannotDigestForSureIsAnError() {
        assertThatThrownBy(() -> new InputsDigest.Row().digest(new WithArray(1, new double[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WithArray.values");
    }

    private static boolean everyComponentSet(Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (get(r, c) == null) {
                return false;
            }
        }
        return true;
    }

    /** A copy of {@code r} with component {@code c} changed a little, or null when it is a null geometry. */
    private static Record withChanged(Record r, RecordComponent c) {
        RecordComponent[] all = r.getClass().getRecordComponents();
        Object[] args = new Object[all.length];
        Class<?>[] types = new Class<?>[all.length];
        for (int i = 0; i < all.length; i++) {
            args[i] = get(r, all[i]);
            types[i] = all[i].getType();
            if (all[i].getName().equals(c.getName())) {
                args[i] = changed(args[i], types[i]);
                if (args[i] == null) {
                    return null;
                }
            }
        }
        try {
            Constructor<?> canonical = r.getClass().getDeclaredConstructor(types);
            return (Record) canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot change " + r.getClass().getSimpleName() + "." + c.getName(), e);
        }
    }

    private static Object changed(Object v, Class<?> type) {
        if (type == double.class || type == Double.class) {
            return v == null ? 1.0 : (Double) v + ((Double) v == 0 ? 1e-9 : Math.abs((Double) v) * 1e-9);
        }
        if (type == int.class) {
            return (Integer) v + 1;
        }
        if (type == long.class) {
            return (Long) v + 1;
        }
        if (type == boolean.class) {
            return !(Boolean) v;
        }
        if (type == String.class) {
            return v == null ? "x" : v + "x";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[(((Enum<?>) v).ordinal() + 1) % constants.length];
        }
        if (type == Validity.class) {
            Validity val = (Validity) v;
            return new Validity(val.from() == null ? LocalDate.of(2020, 1, 1) : val.from().plusDays(1), val.to());
        }
        if (Geometry.class.isAssignableFrom(type)) {
            if (v == null) {
                return null;
            }
            Geometry g = ((Geometry) v).copy();
            Coordinate first = g.getCoordinates()[0];
            g.apply((org.locationtech.jts.geom.CoordinateFilter) co -> {
                if (co.equals2D(first)) {
                    co.x += 1e-9;
                }
            });
            g.geometryChanged();
            return g;
        }
        throw new AssertionError("no change for " + type);
    }

    private static Object get(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<? extends Record> layer(StoredInputs in, int layer) {
        return switch (layer) {
            case 0 -> in.settlements();
            case 1 -> in.cells();
            case 2 -> in.sites();
            case 3 -> in.lines();
            case 4 -> in.routes();
            case 5 -> in.nodes();
            case 6 -> in.declarations();
            default -> in.areas();
        };
    }

    @SuppressWarnings("unchecked")
    private static StoredInputs replaced(StoredInputs in, int layer, Record row, Record by) {
        UnaryOperator<List<?>> swap = list -> {
            List<Object> out = new ArrayList<>(list);
            out.set(out.indexOf(row), by);
            return out;
        };
        return new StoredInputs(layer == 0 ? (List<Settlement>) swap.apply(in.settlements()) : in.settlements(),
                layer == 1 ? (List<Cell>) swap.apply(in.cells()) : in.cells(),
                layer == 2 ? (List<Site>) swap.apply(in.sites()) : in.sites(),
                layer == 3 ? (List<uz.qamrov.engine.model.TransportLine>) swap.apply(in.lines()) : in.lines(),
                layer == 4 ? (List<FiberRoute>) swap.apply(in.routes()) : in.routes(),
                layer == 5 ? (List<FiberNode>) swap.apply(in.nodes()) : in.nodes(),
                layer == 6 ? (List<ServiceDeclaration>) swap.apply(in.declarations()) : in.declarations(),
                layer == 7 ? (List<uz.qamrov.engine.model.AdminArea>) swap.apply(in.areas()) : in.areas(), 0);
    }

    private static StoredInputs replacedCells(StoredInputs in, List<Cell> cells) {
        return new StoredInputs(in.settlements(), cells, in.sites(), in.lines(), in.routes(), in.nodes(),
                in.declarations(), in.areas(), 0);
    }

    private static <T> List<T> shuffled(List<T> list, Random rnd) {
        List<T> out = new ArrayList<>(list);
        Collections.shuffle(out, rnd);
        return out;
    }
}
