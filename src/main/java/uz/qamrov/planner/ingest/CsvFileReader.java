package uz.qamrov.planner.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Delimited text with a header row (RFC 4180 quoting), read as a stream: one record at a time from the decoded
 * file. The delimiter is the one of ',' ';' and tab that occurs most often outside quotes in the header line (ru/uz
 * Excel writes ';'); the header is parsed by the same commons-csv parser as the rows, so a quoted column name with a
 * comma is one column. A data row with a different number of fields than the header is a row error. The header's
 * names go with the rows: the required columns are checked once the column mapping is applied ({@link RequiredColumns}).
 */
final class CsvFileReader {

    private static final char[] DELIMITERS = {',', ';', '\t'};

    private CsvFileReader() {
    }

    /** Which CSV dialect a header belongs to. */
    static UploadFormat dialect(List<String> header) {
        if (header.size() >= 5 && header.subList(0, 5).equals(List.of("radio", "mcc", "net", "area", "cell"))) {
            return UploadFormat.OPENCELLID;
        }
        if (header.contains("ict_id") && header.contains("radio_type")) {
            return UploadFormat.ITU_CELLSITE;
        }
        return UploadFormat.CSV;
    }

    static ParsedFile read(TextDecoder.Text text, UploadFormat format, Layer layer, ParseBudget budget) {
        List<SourceFeature> features = new ArrayList<>();
        StreamedFile s = stream(text, format, layer, budget, features::add);
        return s.header().withFeatures(features, s.header().warnings());
    }

    /**
     * Reads the file one record at a time, handing each row to {@code sink} as it is read: nothing of the file is
     * kept here, so a caller that keeps nothing either reads any size in constant memory (the import job reads a
     * CSV upload this way, chunk by chunk, as often as it needs).
     */
    static StreamedFile stream(TextDecoder.Text text, UploadFormat format, Layer layer, ParseBudget budget,
            Consumer<SourceFeature> sink) {
        char delimiter = delimiter(text);
        CSVFormat csv = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).setIgnoreEmptyLines(true).get();
        int count = 0;
        UploadFormat dialect;
        List<String> names;
        try (Reader in = text.open(); CSVParser parser = CSVParser.parse(in, csv)) {
            names = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            dialect = format == UploadFormat.CSV ? dialect(names) : format;
            if (dialect != UploadFormat.CSV && layer != Layer.BASE_STATIONS) {
                throw FileProblems.unsupported(dialect.key + " files hold base stations, not " + layer.key)
                        .withMessage("detail.dialect-base-stations-only",
                                Map.of("dialect", dialect.key, "layer", layer.key));
            }
            for (CSVRecord r : parser) {
                budget.row(count);
                int number = ++count;
                Map<String, String> attrs = new LinkedHashMap<>();
                for (int i = 0; i < Math.min(names.size(), r.size()); i++) {
                    String v = r.get(i);
                    if (v != null && !v.isBlank()) {
                        attrs.put(names.get(i), v);
                    }
                }
                String error = r.size() == names.size() ? null
                        : "the row has " + r.size() + " fields but the header has " + names.size()
                                + " (unquoted '" + printable(delimiter) + "' or missing field?)";
                SourceFeature f = new SourceFeature(number, attrs, null, error);
                try {
                    sink.accept(f);
                } catch (RuntimeException e) {
                    throw new SinkFailure(e);
                }
            }
        } catch (SinkFailure e) {
            throw (RuntimeException) e.getCause(); // the consumer's own failure, not the file's
        } catch (UncheckedIOException | IOException e) {
            String reason = rootMessage(e);
            throw FileProblems.invalid("malformed CSV: " + reason + " (check the quoting and the encoding)")
                    .withMessage("detail.csv-malformed", Map.of("reason", String.valueOf(reason)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw FileProblems.invalid("malformed CSV header: " + e.getMessage())
                    .withMessage("detail.csv-malformed-header", Map.of("reason", String.valueOf(e.getMessage())));
        }
        if (count == 0) {
            throw FileProblems.invalid("the file has a header but no data rows").withMessage("detail.csv-no-rows");
        }
        List<String> notes = new ArrayList<>();
        notes.add("read as " + text.label() + " text with the delimiter '" + printable(delimiter) + "'");
        return new StreamedFile(new ParsedFile(dialect, List.of(), Crs.WGS84, notes, names), count);
    }

    /** The delimiter that occurs most often outside quotes in the first line (',' when none does). */
    static char delimiter(TextDecoder.Text text) {
        int[] counts = new int[DELIMITERS.length];
        try (Reader in = text.open()) {
            boolean quoted = false;
            int c;
            int read = 0;
            while ((c = in.read()) >= 0 && read++ < (1 << 20)) {
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted) {
                    for (int i = 0; i < DELIMITERS.length; i++) {
                        counts[i] += c == DELIMITERS[i] ? 1 : 0;
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            String reason = rootMessage(e);
            throw FileProblems.invalid("the text cannot be decoded as " + text.label() + ": " + reason)
                    .withMessage("detail.text-undecodable",
                            Map.of("encoding", text.label(), "reason", String.valueOf(reason)));
        }
        int best = 0;
        for (int i = 1; i < DELIMITERS.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return DELIMITERS[best];
    }

    /** Carries an exception of the row consumer past the parser's own error handling. */
    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private static String printable(char d) {
        return d == '\t' ? "\\t" : String.valueOf(d);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
