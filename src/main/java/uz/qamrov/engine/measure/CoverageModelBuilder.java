package uz.qamrov.engine.measure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

import uz.qamrov.engine.footprint.FootprintModel;
import uz.qamrov.engine.terrain.Dem;
import uz.qamrov.engine.model.AdminArea;
import uz.qamrov.engine.model.Cell;
import uz.qamrov.engine.model.FiberNode;
import uz.qamrov.engine.model.FiberRoute;
import uz.qamrov.engine.model.ServiceDeclaration;
import uz.qamrov.engine.model.Settlement;
import uz.qamrov.engine.model.Site;
import uz.qamrov.engine.model.TransportLine;

/**
 * Collects the inputs of a {@link CoverageModel} and builds it. Every collection is optional (empty by default).
 * The geometry factory (default: floating precision, SRID 4326) is used for every geometry the model creates.
 * The footprint model defaults to circle/sector footprints from the link budget in the settings.
 *
 * <pre>{@code
 * CoverageModel model = new CoverageModelBuilder().settlements(s).cells(c).sites(st).lines(l).adminAreas(a).build();
 * CoverageSnapshot snap = model.evaluate(LocalDate.of(2026, 1, 1), CoverageFilter.ANY);
 * }</pre>
 *
 * @throws uz.qamrov.engine.model.InvalidInputException from {@link #build()} on duplicate ids or a declaration for
 *     an unknown settlement
 */
public final class CoverageModelBuilder {

    List<Cell> cells = new ArrayList<>();
    List<Site> sites = new ArrayList<>();
    List<Settlement> settlements = new ArrayList<>();
    List<TransportLine> lines = new ArrayList<>();
    List<FiberRoute> fiberRoutes = new ArrayList<>();
    List<FiberNode> fiberNodes = new ArrayList<>();
    List<ServiceDeclaration> declarations = new ArrayList<>();
    List<AdminArea> adminAreas = new ArrayList<>();
    CoverageSettings settings = CoverageSettings.DEFAULTS;
    GeometryFactory geometryFactory = new GeometryFactory(new PrecisionModel(), 4326);
    FootprintModel footprintModel;
    Dem terrain;
    ReusableFootprints reusableFootprints;

    public CoverageModelBuilder cells(Collection<Cell> v) {
        cells = List.copyOf(v);
        return this;
    }

    public CoverageModelBuilder sites(Collection<Site> v) {
        sites = List.copyOf(v);
        return this;
    }

    public CoverageModelBuilder settlements(Collection<Settlement> v) {
        settlements = List.copyOf(v);
        return this;
    }

    public CoverageModelBuilder lines(Collection<TransportLine> v) {
        lines = List.copyOf(v);
        return this;
    }

    public CoverageModelBuilder fiberRoutes(Collection<FiberRoute> v) {
        fiberRoutes = List.copyOf(v);
        return this;
    }

    public CoverageModelBuilder fiberNodes(Collection<FiberNode> v) {
        fiberNodes = List.copyOf(v);
        return this;
    }

    public CoverageModelBuilder declarations(Collection<ServiceDeclaration> v) {
        declarations = List.copyOf(v);
        return this;
    }

    public CoverageModelBuilder adminAreas(Collection<AdminArea> v) {
        adminAreas = List.copyOf(v);
        return this;
    }

    public CoverageModelBuilder settings(CoverageSettings v) {
        settings = v;
        return this;
    }

    public CoverageModelBuilder geometryFactory(GeometryFactory v) {
        geometryFactory = v;
        return this;
    }

    /** Elevation model for terrain diffraction along each radial; null (the default) = flat earth. */
    public CoverageModelBuilder terrain(Dem v) {
        terrain = v;
        return this;
    }

    /** Replaces the default radial pattern footprints (e.g. with a test's own model). */
    public CoverageModelBuilder footprintModel(FootprintModel v) {
        footprintModel = v;
        return this;
    }

    /**
     * Footprints another model already made (see {@link ReusableFootprints} for when one is taken); the answers are
     * the same as without, only the build is quicker. Null (the default): every footprint is computed.
     */
    public CoverageModelBuilder reuseFootprints(ReusableFootprints v) {
        reusableFootprints = v;
        return this;
    }

    public CoverageModel build() {
        return new CoverageModel(this);
    }
}
