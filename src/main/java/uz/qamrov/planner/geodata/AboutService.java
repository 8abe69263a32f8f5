package uz.qamrov.planner.geodata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/** Facts about the loaded dataset for {@code GET /api/v1/about}, the banner and the map's attribution. */
@Service
public class AboutService {

    static final List<DatasetAbout.Attribution> ATTRIBUTION = List.of(
            new DatasetAbout.Attribution("GeoNames", "CC BY 4.0", "town names, positions and populations",
                    "Towns © GeoNames (CC BY 4.0)", "Towns © <a href=\"https://www.geonames.org\">GeoNames</a> (CC BY 4.0)"),
            new DatasetAbout.Attribution("SimpleMaps World Cities Basic", "CC BY 4.0", "town names, positions and populations",
                    "Towns © SimpleMaps (CC BY 4.0)",
                    "Towns © <a href=\"https://simplemaps.com/data/world-cities\">SimpleMaps</a> (CC BY 4.0)"),
            new DatasetAbout.Attribution("Natural Earth", "public domain", "country outline",
                    "Made with Natural Earth", "Made with <a href=\"https://www.naturalearthdata.com\">Natural Earth</a>"),
            new DatasetAbout.Attribution("SRTM30_PLUS (Scripps / NASA SRTM)", "public domain", "terrain (national DEM grid)",
                    "Terrain: SRTM30_PLUS (public domain)",
                    "Terrain: <a href=\"https://topex.ucsd.edu/WWW_html/srtm30_plus.html\">SRTM30_PLUS</a> (public domain)"));

    private final GeodataRepository repository;

    AboutService(GeodataRepository repository) {
        this.repository = repository;
    }

    public DatasetAbout about() {
        List<DatasetAbout.Layer> layers = new ArrayList<>();
        for (GeodataRepository.LayerCount c : repository.layerCounts()) {
            layers.add(new DatasetAbout.Layer(c.layer(), c.total(), c.real(), c.derived(), c.synthetic(), provenance(c.layer())));
        }
        return new DatasetAbout("Qamrov", layers, ATTRIBUTION, banner(layers));
    }

    private static String provenance(String layer) {
        return switch (layer) {
            case "regions" -> "derived: Voronoi cells of real towns, clipped to the Natural Earth outline (approximate)";
            case "districts" -> "synthetic: one per district-seat town, approximate polygons";
            case "settlements" -> "real towns (GeoNames, SimpleMaps) and synthetic villages";
            case "highways", "railways" -> "derived: routes through real towns, approximate geometry";
            default -> "synthetic unless uploaded by an operator";
        };
    }

    /** E.g. "Demo data: real towns 223 of 12,000 settlements; …" — only what the counts say. */
    static String banner(List<DatasetAbout.Layer> layers) {
        long settlements = 0;
        long realSettlements = 0;
        long syntheticNetwork = 0;
        long network = 0;
        for (DatasetAbout.Layer l : layers) {
            switch (l.layer()) {
                case "settlements" -> {
                    settlements = l.total();
                    realSettlements = l.real();
                }
                case "base_stations", "fiber_routes", "fiber_nodes" -> {
                    network += l.total();
                    syntheticNetwork += l.synthetic();
                }
                default -> {
                }
            }
        }
        if (settlements == 0 && network == 0) {
            return "No dataset loaded";
        }
        return String.format(Locale.ROOT, "Demo data: %,d of %,d settlements are real towns, the rest synthetic; regions "
                + "and districts approximate; %s of the telecom network synthetic", realSettlements, settlements,
                network == 0 ? "none" : syntheticNetwork == network ? "all" : String.format(Locale.ROOT, "%,d of %,d rows",
                        syntheticNetwork, network));
    }
}
