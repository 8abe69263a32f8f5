package uz.qamrov.planner.geodata;

import java.util.List;

/**
 * What the loaded dataset is made of: per layer how many rows are real, derived (built from real data, geometry
 * approximate) or synthetic, and the credits the open sources require.
 *
 * @param banner one sentence for the map's banner, built from the counts
 */
public record DatasetAbout(String product, List<Layer> layers, List<Attribution> attribution, String banner) {

    /** Row counts of one layer by kind; {@code provenance} says where the layer comes from. */
    public record Layer(String layer, long total, long real, long derived, long synthetic, String provenance) {
    }

    /** @param text the credit line as the licence asks for it; {@code html} the same with a link, for a map */
    public record Attribution(String source, String licence, String usedFor, String text, String html) {
    }
}
