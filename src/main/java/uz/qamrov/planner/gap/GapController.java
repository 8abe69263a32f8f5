package uz.qamrov.planner.gap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import uz.qamrov.planner.web.ListWriter;
import uz.qamrov.planner.web.OutputFormat;
import uz.qamrov.planner.web.PageLinks;
import uz.qamrov.planner.web.PagingProperties;

@RestController
@RequestMapping("/api/v1/gaps")
@Tag(name = "gaps", description = "Uncovered settlements, highway and railway stretches, from the coverage run for asOf. "
        + "Each list answers JSON (default), GeoJSON (Accept: application/geo+json or f=geojson) and CSV (f=csv, UTF-8 with header).")
class GapController {

    private final Gaps gaps;
    private final PagingProperties paging;
    private final ListWriter writer;

    GapController(Gaps gaps, PagingProperties paging, ListWriter writer) {
        this.gaps = gaps;
        this.paging = paging;
        this.writer = writer;
    }

    @GetMapping("/settlements")
    @Operation(summary = "Uncovered settlements", description = "sort: population, households, nearest_site, nearest_fiber, "
            + "name, region, id (prefix - for descending; default -population). operator=X lists settlements X does not serve.")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/json"),
        @Content(mediaType = "application/geo+json"), @Content(mediaType = "text/csv")})
    ResponseEntity<StreamingResponseBody> settlements(
            @Parameter(description = "mobile_internet (default), high_speed_mobile, fixed_broadband, mobile_any") @RequestParam(required = false) String service,
            @RequestParam(required = false) String region, @RequestParam(required = false) String district,
            @Parameter(description = OPERATOR) @RequestParam(required = false) String operator,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = Q) @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
            @Parameter(description = "json, geojson or csv") @RequestParam(required = false) String f,
            @Parameter(description = BOM) @RequestParam(required = false) Boolean bom,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        OutputFormat format = OutputFormat.negotiate(f, accept);
        PagingProperties.Page page = pageOf(format, limit, offset);
        Gaps.Filter filter = new Gaps.Filter(service, region, district, operator, null, q, sort, asOf);
        GapList list = gaps.settlements(filter, page);
        return respond(format, page, list, fileName("settlement-gaps", filter, list), bom);
    }

    static final String Q = "search the whole list by name in any script (Uzbek Latin/Cyrillic, Russian, English), "
            + "whatever apostrophe: settlement or district name; for stretches the road ref or name";
    static final String OPERATOR = "an operator code of /api/v1/operators (any other is a 400): the gaps that operator "
            + "does not serve, whether others do or not";
    static final String BOM = "CSV only: start with a UTF-8 byte order mark so that Excel reads Cyrillic (default false)";

    @GetMapping("/highways")
    @Operation(summary = "Uncovered highway stretches", description = "With each stretch: the road's longest gap and total "
            + "gap (km). sort: length, from_km, ref, region, longest_gap, id (default -length). ref=M39 narrows to one road.")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/json"),
        @Content(mediaType = "application/geo+json"), @Content(mediaType = "text/csv")})
    ResponseEntity<StreamingResponseBody> highways(@RequestParam(required = false) String service,
            @RequestParam(required = false) String region, @RequestParam(required = false) String district,
            @Parameter(description = OPERATOR) @RequestParam(required = false) String operator,
            @RequestParam(required = false) String ref,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = Q) @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) String f, @Parameter(description = BOM) @RequestParam(required = false) Boolean bom,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return lines(LineKind.HIGHWAY, new Gaps.Filter(service, region, district, operator, ref, q, sort, asOf), limit, offset,
                f, bom, accept);
    }

    @GetMapping("/railways")
    @Operation(summary = "Uncovered railway stretches", description = "As highways, by line_key (ref=line key).")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/json"),
        @Content(mediaType = "application/geo+json"), @Content(mediaType = "text/csv")})
    ResponseEntity<StreamingResponseBody> railways(@RequestParam(required = false) String service,
            @RequestParam(required = false) String region, @RequestParam(required = false) String district,
            @Parameter(description = OPERATOR) @RequestParam(required = false) String operator,
            @RequestParam(required = false) String ref,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @Parameter(description = Q) @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) String f, @Parameter(description = BOM) @RequestParam(required = false) Boolean bom,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return lines(LineKind.RAILWAY, new Gaps.Filter(service, region, district, operator, ref, q, sort, asOf), limit, offset,
                f, bom, accept);
    }

    @GetMapping("/highways/{ref}/profile")
    @Operation(summary = "Covered fraction (0..1) of each kilometre of a highway, from the run's stretches")
    LineProfile highwayProfile(@PathVariable String ref, @RequestParam(required = false) String service,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return gaps.profile(LineKind.HIGHWAY, ref, service, asOf);
    }

    @GetMapping("/railways/{lineKey}/profile")
    @Operation(summary = "Covered fraction (0..1) of each kilometre of a railway line, from the run's stretches")
    LineProfile railwayProfile(@PathVariable String lineKey, @RequestParam(required = false) String service,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return gaps.profile(LineKind.RAILWAY, lineKey, service, asOf);
    }

    private ResponseEntity<StreamingResponseBody> lines(LineKind kind, Gaps.Filter filter, Integer limit, Integer offset,
            String f, Boolean bom, String accept) {
        OutputFormat format = OutputFormat.negotiate(f, accept);
        PagingProperties.Page page = pageOf(format, limit, offset);
        GapList list = gaps.stretches(kind, filter, page);
        return respond(format, page, list, fileName(kind.key + "-gaps", filter, list), bom);
    }

    /** {@code highway-gaps_UZ-SA_M39_high_speed_mobile_2019-12-31}: what, where, which service and when. */
    static String fileName(String what, Gaps.Filter f, GapList list) {
        StringBuilder name = new StringBuilder(what).append('_').append(blank(f.region()) ? "UZ" : f.region());
        if (!blank(f.district())) {
            name.append('_').append(f.district());
        }
        if (!blank(f.ref())) {
            name.append('_').append(f.ref());
        }
        if (!blank(f.operator())) {
            name.append('_').append(f.operator());
        }
        name.append('_').append(Service.parse(f.service()).key()).append('_').append(list.asOf());
        // a file name is a header value: keep it to safe characters whatever a filter held
        return name.toString().replaceAll("[^A-Za-z0-9_.-]", "-");
    }

    /** A JSON list is paged; a CSV or GeoJSON file holds every row unless it asks for fewer. */
    private PagingProperties.Page pageOf(OutputFormat format, Integer limit, Integer offset) {
        return format == OutputFormat.JSON ? paging.page(limit, offset) : paging.download(limit, offset);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private ResponseEntity<StreamingResponseBody> respond(OutputFormat format, PagingProperties.Page page, GapList list,
            String name, Boolean bom) {
        var links = PageLinks.of(page, list.numberMatched(), format.mediaType().toString());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("as_of", list.asOf().toString());
        provenance.put("coverage_run", list.runId());
        provenance.put("coverage_generation", list.run().generation());
        provenance.put("stale", list.run().stale());
        return writer.response(format, new ListWriter.Envelope(list.numberMatched(), links, list.columns(), name, provenance,
                Boolean.TRUE.equals(bom)), list.rows());
    }
}
