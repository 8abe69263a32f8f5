package uz.qamrov.planner.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.locationtech.jts.awt.PointTransformation;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Draws a region map with Java2D and JTS's {@link ShapeWriter}: coverage polygons, district and region boundaries,
 * highways, uncovered settlements, a title with the as-of date, a legend and a scale bar in km.
 * <p>
 * Projection: equirectangular with longitudes scaled by cos(mid-latitude), which keeps shapes and the scale bar
 * within ~1% over a region of Uzbekistan's size (at most ~5 degrees of latitude). Not for national maps at high zoom.
 */
final class MapRenderer {

    static final Color BACKGROUND = new Color(0xF7F7F2);
    static final Color COVERAGE = new Color(46, 139, 87, 140);
    static final Color UNCOVERED = new Color(0xD7263D);
    static final Color HIGHWAY = new Color(0x555555);
    static final Color DISTRICT = new Color(0x8A8A8A);
    static final Color REGION = new Color(0x222222);
    private static final double KM_PER_DEGREE = 111.32;
    private static final int MARGIN = 50;
    private static final int TITLE_HEIGHT = 50;
    private static final int LEGEND_WIDTH = 210; // a panel right of the map, so the legend never hides data

    private MapRenderer() {
    }

    /** Degrees per pixel for this box and image, for simplifying geometries before they are drawn. */
    static double degreesPerPixel(double[] bbox, int width, int height) {
        double cos = Math.cos(Math.toRadians((bbox[1] + bbox[3]) / 2));
        double sx = (width - 2.0 * MARGIN - LEGEND_WIDTH) / Math.max(1e-9, (bbox[2] - bbox[0]) * cos);
        double sy = (height - 2.0 * MARGIN - TITLE_HEIGHT) / Math.max(1e-9, bbox[3] - bbox[1]);
        return 1 / Math.min(sx, sy);
    }

    static byte[] render(ExportRepository.MapData data, String title, int width, int height) {
        double[] b = data.bbox();
        double cos = Math.cos(Math.toRadians((b[1] + b[3]) / 2));
        double scale = 1 / degreesPerPixel(b, width, height); // pixels per degree of latitude
        double offsetX = (width - LEGEND_WIDTH - (b[2] - b[0]) * cos * scale) / 2;
        double offsetY = TITLE_HEIGHT + (height - TITLE_HEIGHT - (b[3] - b[1]) * scale) / 2;
        PointTransformation project = (src, dest) -> dest.setLocation(offsetX + (src.x - b[0]) * cos * scale,
                offsetY + (b[3] - src.y) * scale);
        ShapeWriter shapes = new ShapeWriter(project);

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);

            Shape region = shapes.toShape(read(List.of(data.region())).get(0));
            // coverage and roads are drawn inside the region only (roads crossing its box continue outside it)
            g.setClip(region);
            g.setColor(COVERAGE);
            for (Geometry c : read(data.coverage())) {
                g.fill(shapes.toShape(c));
            }
            g.setColor(DISTRICT);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 3f}, 0f));
            for (Geometry d : read(data.districts())) {
                g.draw(shapes.toShape(d));
            }
            g.setColor(HIGHWAY);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (Geometry h : read(data.highways())) {
                g.draw(shapes.toShape(h));
            }
            g.setClip(null);
            g.setColor(REGION);
            g.setStroke(new BasicStroke(2.5f));
            g.draw(region);
            g.setColor(UNCOVERED);
            for (Geometry p : read(data.uncovered())) {
                var pt = new java.awt.geom.Point2D.Double();
                project.transform(p.getCoordinate(), pt);
                g.fill(new Ellipse2D.Double(pt.x - 4, pt.y - 4, 8, 8));
            }

            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
            g.drawString(title, MARGIN / 2, 32);
            legend(g, width, height);
            scaleBar(g, scale, height);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    private static void legend(Graphics2D g, int width, int height) {
        int x = width - LEGEND_WIDTH + 10;
        int y = TITLE_HEIGHT + MARGIN;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        Object[][] items = {{COVERAGE, "coverage"}, {UNCOVERED, "uncovered settlement"}, {HIGHWAY, "highway"},
            {DISTRICT, "district boundary"}};
        for (Object[] item : items) {
            g.setColor((Color) item[0]);
            g.fill(item[0] == UNCOVERED ? (Shape) new Ellipse2D.Double(x + 4, y - 8, 8, 8) : new java.awt.Rectangle(x, y - 10, 16, 12));
            g.setColor(Color.BLACK);
            g.drawString((String) item[1], x + 26, y);
            y += 22;
        }
    }

    /** A bar of a round length (1, 2 or 5 x 10^n km) close to a fifth of the image width. */
    private static void scaleBar(Graphics2D g, double pixelsPerDegree, int height) {
        double kmPerPixel = KM_PER_DEGREE / pixelsPerDegree;
        double target = 200 * kmPerPixel;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double km = target / pow >= 5 ? 5 * pow : target / pow >= 2 ? 2 * pow : pow;
        int px = (int) Math.round(km / kmPerPixel);
        int x = MARGIN / 2;
        int y = height - 30;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(x, y, x + px, y);
        g.drawLine(x, y - 6, x, y + 6);
        g.drawLine(x + px, y - 6, x + px, y + 6);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString((km >= 1 ? String.valueOf((long) km) : String.valueOf(km)) + " km", x + px + 8, y + 5);
    }

    private static List<Geometry> read(List<byte[]> wkbs) {
        WKBReader reader = new WKBReader();
        return wkbs.stream().map(w -> {
            try {
                return reader.read(w);
            } catch (ParseException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
