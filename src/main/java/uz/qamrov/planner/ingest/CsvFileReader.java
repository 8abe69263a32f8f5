package uz.qamrov.planner.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Comma-separated text with a header row (RFC 4180 quoting). A header without commas but with ';', tab or '|' is
 * reported as a delimiter problem; a data row with a different number of fields than the header is a row error.
 */
final class CsvFileReader {

    private CsvFileReader() {
    }

    /** Which CSV dialect a header belongs to. */
    static UploadFormat sniff(String text) {
        String header = firstLine(text).toLowerCase(Locale.ROOT);
        if (header.startsWith("radio,mcc,net,area,cell")) {
            return UploadFormat.OPENCELLID;
        }
        if (header.contains("ict_id") && header.contains("radio_type")) {
            return UploadFormat.ITU_CELLSITE;
        }
        return UploadFormat.CSV;
    }

    static ParsedFile read(String text, UploadFormat format, int maxRows) {
        String header = firstLine(text);
        if (!header.contains(",")) {
            for (String d : new String[] {";", "\t", "|"}) {
                if (header.contains(d)) {
                    throw FileProblems.invalid("the header has no comma but contains '" + ("\t".equals(d) ? "\\t" : d)
                            + "': the file seems to use another delimiter; Qamrov reads comma-separated files",
                            Map.of("delimiterFound", d));
                }
            }
        }
        CSVFormat csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).setIgnoreEmptyLines(true).get();
        List<SourceFeature> features = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, csv)) {
            List<String> names = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            for (CSVRecord r : parser) {
                if (features.size() >= maxRows) {
                    throw FileProblems.tooManyRows(maxRows);
                }
                int number = features.size() + 1;
                Map<String, String> attrs = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(names.size(), r.size()); i++) {
                    String v = r.get(i);
                    if (v != null && !v.isBlank()) {
                        attrs.put(names.get(i), v);
                    }
                }
                String error = r.size() == names.size() ? null
                        : "the row has " + r.size() + " fields but the header has " + names.size()
                                + " (unquoted comma or missing field?)";
                features.add(new SourceFeature(number, attrs, null, error));
            }
        } catch (UncheckedIOException | IOException e) {
            throw FileProblems.invalid("malformed CSV: " + rootMessage(e) + " (check the quoting)");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw FileProblems.invalid("malformed CSV header: " + e.getMessage());
        }
        if (features.isEmpty()) {
            throw FileProblems.invalid("the file has a header but no data rows");
        }
        return new ParsedFile(format, features, 4326, List.of());
    }

    static List<String> headerColumns(String text) {
        return List.of(firstLine(text).toLowerCase(Locale.ROOT).split(",", -1)).stream()
                .map(s -> s.strip().replace("\"", "")).toList();
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).replace("\r", "");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
