import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import uz.qamrov.engine.footprint.EnvironmentClass;
import uz.qamrov.engine.footprint.LinkBudget;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.Technology;
import uz.qamrov.engine.model.Validity;
import uz.qamrov.engine.radio.RadialFootprintModel;
import uz.qamrov.engine.radio.RadioSettings;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.planner.terrain.EsriAsciiGridReader;

/**
 * The radial footprint model of two builds in one JVM (scripts/bench-radial-old-new.sh): each build's engine classes
 * in their own class loader, this class loaded into both, rounds alternating, thread CPU per cell. The cells are
 * those of RadialFootprintBenchmarkTest (3,000 cells of 1,000 3-sector sites, 56–72°E × 38–44°N, 2G 900 / 4G 800 /
 * 4G 1800 rural, 25–45 m) plus a second set with the national mix of bands (every technology, 800–3500 MHz).
 * Not a test: prints figures only.
 */
public final class RadialOldNew {

    static List<Cell> rural;
    static List<Cell> mixed;
    static RadialFootprintModel flat;
    static RadialFootprintModel terrain;

    /** In each loader: reads the DEM and makes the cells. */
    public static void init(String demPath) throws Exception {
        Dem dem;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(demPath)))) {
            dem = EsriAsciiGridReader.read(in);
        }
        Random rnd = new Random(1);
        rural = new ArrayList<>();
        int[] bands = {900, 800, 1800};
        Technology[] techs = {Technology.G2, Technology.G4, Technology.G4};
        for (int s = 0; s < 1000; s++) {
            double lon = 56 + 16 * rnd.nextDouble();
            double lat = 38 + 6 * rnd.nextDouble();
            int k = rnd.nextInt(3);
            for (int j = 0; j < 3; j++) {
                rural.add(new Cell(s * 3L + j, s, "op", techs[k], bands[k], 120.0 * j, 65, 25 + 20 * rnd.nextDouble(),
                        null, null, lon, lat, Validity.ALWAYS));
            }
        }
        // the national mix (SyntheticNation): every technology and band, 3 sectors at 10/130/250°
        mixed = new ArrayList<>();
        int[][] mix = {{900, 1800}, {2100, 900}, {800, 1800, 2600}, {3500}};
        Technology[] all = Technology.values();
        for (int s = 0; s < 1000; s++) {
            double lon = 56 + 16 * rnd.nextDouble();
            double lat = 38 + 6 * rnd.nextDouble();
            for (int j = 0; j < 3; j++) {
                Technology t = all[Math.min(3, rnd.nextInt(5))];
                int[] b = mix[t.ordinal()];
                mixed.add(new Cell(10_000 + s * 3L + j, 10_000 + s, "op", t, b[rnd.nextInt(b.length)], 120.0 * j + 10, 65,
                        25 + 20 * rnd.nextDouble(), null, null, lon, lat, Validity.ALWAYS));
            }
        }
        flat = new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, null);
        terrain = new RadialFootprintModel(null, LinkBudget.DEFAULTS, RadioSettings.DEFAULTS, dem);
    }

    /** One round: thread CPU ns per cell for {rural flat, rural terrain, mixed flat, mixed terrain}, and a checksum. */
    public static double[] round() {
        double[] out = new double[5];
        List<List<Cell>> sets = List.of(rural, mixed);
        double sum = 0;
        for (int k = 0; k < 2; k++) {
            List<Cell> cells = sets.get(k);
            EnvironmentClass env = k == 0 ? EnvironmentClass.RURAL : EnvironmentClass.SUBURBAN;
            long c0 = cpu();
            for (Cell c : cells) {
                sum += flat.build(c, env).footprint().maxRangeM();
            }
            long c1 = cpu();
            for (Cell c : cells) {
                sum += terrain.build(c, env).footprint().maxRangeM();
            }
            long c2 = cpu();
            out[2 * k] = (c1 - c0) / 1e6 / cells.size();
            out[2 * k + 1] = (c2 - c1) / 1e6 / cells.size();
        }
        out[4] = sum;
        return out;
    }

    static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** args: dem path, rounds, then per build a class path (its engine classes + dependencies + this class). */
    public static void main(String[] args) throws Exception {
        String dem = args[0];
        int rounds = Integer.parseInt(args[1]);
        int builds = args.length - 2;
        Method[] roundOf = new Method[builds];
        for (int b = 0; b < builds; b++) {
            String[] parts = args[2 + b].split(":");
            URL[] urls = new URL[parts.length];
            for (int i = 0; i < parts.length; i++) {
                urls[i] = Path.of(parts[i]).toUri().toURL();
            }
            ClassLoader loader = new URLClassLoader("build" + b, urls, ClassLoader.getPlatformClassLoader());
            Class<?> c = loader.loadClass(RadialOldNew.class.getName());
            c.getMethod("init", String.class).invoke(null, dem);
            roundOf[b] = c.getMethod("round");
        }
        System.out.println("ms CPU per cell: rural flat, rural terrain, mixed flat, mixed terrain (checksum)");
        for (int r = 0; r < rounds; r++) {
            double[][] t = new double[builds][];
            for (int b = 0; b < builds; b++) {
                t[b] = (double[]) roundOf[b].invoke(null);
                System.out.printf("round %d build %d: %.4f %.4f %.4f %.4f (%.6e)%n", r, b, t[b][0], t[b][1], t[b][2],
                        t[b][3], t[b][4]);
            }
            for (int b = 1; b < builds; b++) {
                System.out.printf("round %d ratio build %d / build 0: %.2f %.2f %.2f %.2f%n", r, b, t[b][0] / t[0][0],
                        t[b][1] / t[0][1], t[b][2] / t[0][2], t[b][3] / t[0][3]);
            }
        }
    }
}
