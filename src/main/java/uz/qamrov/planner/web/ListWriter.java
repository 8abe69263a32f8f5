package uz.qamrov.planner.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Writes a stream of {@link FeatureRow}s as JSON ({@code items}), GeoJSON (a FeatureCollection with the OGC
 * {@code numberMatched}/{@code numberReturned}/{@code links} members) or CSV, row by row, so memory stays bounded
 * whatever the size of the list. Geometry and properties are copied as raw JSON written by PostGIS.
 */
public final class ListWriter {

    private final ObjectMapper json;

    public ListWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Everything a list response needs besides its rows.
     *
     * @param fileName download name without extension (CSV and GeoJSON get a {@code Content-Disposition}); null = none
     * @param provenance what the list was read from (as-of date, coverage run): top-level members of JSON and
     *     GeoJSON, and constant trailing columns of every CSV row, so a saved file says what it is
     * @param bom start a CSV with the UTF-8 byte order mark, which Excel needs to read UTF-8 (Cyrillic) correctly
     */
    public record Envelope(Long numberMatched, List<Link> links, List<String> csvColumns, String fileName,
            Map<String, Object> provenance, boolean bom) {

        public Envelope(Long numberMatched, List<Link> links, List<String> csvColumns, String fileName) {
            this(numberMatched, links, csvColumns, fileName, Map.of(), false);
        }
    }

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** The UTF-8 byte order mark a CSV for Excel starts with (every CSV download that offers {@code bom}). */
    public static void writeUtf8Bom(OutputStream out) throws IOException {
        out.write(UTF8_BOM);
    }

    public ResponseEntity<StreamingResponseBody> response(OutputFormat format, Envelope envelope, RowSource rows) {
        return headers(format, envelope).body(out -> write(format, envelope, rows, out));
    }

    /** The same answer from a body written before ({@link #write} into memory), with the same headers. */
    public ResponseEntity<StreamingResponseBody> response(OutputFormat format, Envelope envelope, byte[] written) {
        return headers(format, envelope).body(out -> out.write(written));
    }

    private static ResponseEntity.BodyBuilder headers(OutputFormat format, Envelope envelope) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(format.mediaType());
        // a page or a capped file says so outside its body too (a CSV has nowhere else to): the total and the next page
        if (envelope.numberMatched() != null) {
            ok.header("X-Total-Count", String.valueOf(envelope.numberMatched()));
        }
        if (envelope.links() != null) {
            envelope.links().stream().filter(l -> "next".equals(l.rel()))
                    .forEach(l -> ok.header(HttpHeaders.LINK, "<" + l.href() + ">; rel=\"next\""));
        }
        if (format != OutputFormat.JSON && envelope.fileName() != null) {
            String ext = format == OutputFormat.CSV ? ".csv" : ".geojson";
            ok.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + envelope.fileName() + ext + "\"");
        }
        return ok;
    }

    public void write(OutputFormat format, Envelope envelope, RowSource rows, OutputStream out) throws IOException {
        switch (format) {
            case CSV -> writeCsv(envelope, rows, out);
            case GEOJSON -> writeJson(envelope, rows, out, true);
            case JSON -> writeJson(envelope, rows, out, false);
        }
    }

    private void writeJson(Envelope envelope, RowSource rows, OutputStream out, boolean geojson) throws IOException {
        try (JsonGenerator g = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            if (geojson) {
                g.writeStringField("type", "FeatureCollection");
            }
            g.writeArrayFieldStart(geojson ? "features" : "items");
            long[] returned = {0};
            rows.forEach(row -> {
                try {
                    if (geojson) {
                        writeFeature(g, row);
                    } else {
                        g.writeRawValue(row.propertiesJson());
                    }
                    returned[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            if (envelope.numberMatched() != null) {
                g.writeNumberField("numberMatched", envelope.numberMatched());
            }
            g.writeNumberField("numberReturned", returned[0]);
            if (geojson) {
                g.writeStringField("timeStamp", Instant.now().toString());
            }
            for (Map.Entry<String, Object> e : envelope.provenance().entrySet()) {
                g.writeFieldName(e.getKey());
                json.writeValue(g, e.getValue());
            }
            if (envelope.links() != null) {
                g.writeFieldName("links");
                json.writeValue(g, envelope.links());
            }
            g.writeEndObject();
        }
    }

    /** One RFC 7946 Feature; the geometry is PostGIS's {@code ST_AsGeoJSON} text, copied verbatim. */
    public static void writeFeature(JsonGenerator g, FeatureRow row) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        if (row.id() instanceof Number n) {
            g.writeNumberField("id", n.longValue());
        } else if (row.id() != null) {
            g.writeStringField("id", row.id().toString());
        }
        g.writeFieldName("geometry");
        if (row.geometryJson() == null) {
            g.writeNull();
        } else {
            g.writeRawValue(row.geometryJson());
        }
        g.writeFieldName("properties");
        g.writeRawValue(row.propertiesJson() == null ? "{}" : row.propertiesJson());
        g.writeEndObject();
    }

    private void writeCsv(Envelope envelope, RowSource rows, OutputStream out) throws IOException {
        if (envelope.bom()) {
            writeUtf8Bom(out);
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<String> header = new java.util.ArrayList<>(envelope.csvColumns());
        header.addAll(envelope.provenance().keySet());
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        rows.forEach(row -> {
            try {
                Map<?, ?> props = json.readValue(row.propertiesJson(), Map.class);
                for (String column : envelope.csvColumns()) {
                    csv.print(CsvCells.safe(cell(props.get(column))));
                }
                for (Object value : envelope.provenance().values()) {
                    csv.print(value);
                }
                csv.println();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    /** A list as "a;b;c", an object (e.g. gap_reason_details) as its compact JSON, anything else as it is. */
    private Object cell(Object value) throws IOException {
        if (value instanceof Map<?, ?> object) {
            return json.writeValueAsString(object);
        }
        if (value instanceof List<?> list) {
            StringJoiner j = new StringJoiner(";");
            for (Iterator<?> it = list.iterator(); it.hasNext();) {
                j.add(String.valueOf(it.next()));
            }
            return j.toString();
        }
        return value;
    }
}
