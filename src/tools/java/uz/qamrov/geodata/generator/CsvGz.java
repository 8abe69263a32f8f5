package uz.qamrov.geodata.generator;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV writer (LF record separator, minimal quoting, null printed as an empty field), gzip-compressed
 * when the file name ends in {@code .gz}. The gzip header of {@link GZIPOutputStream} carries no timestamp, so
 * equal content gives equal bytes.
 */
public final class CsvGz implements Closeable {
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    private final CSVPrinter printer;
    private long rows;

    public CsvGz(Path file, String... header) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16), FORMAT);
        printer.printRecord((Object[]) header);
    }

    public void row(Object... values) throws IOException {
        for (Object v : values) {
            printer.print(v == null ? null : v instanceof Double d ? num(d) : v.toString());
        }
        printer.println();
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Locale-independent number formatting, at most 6 decimals, no trailing zeros. */
    static String num(double v) {
        long scaled = Math.round(v * 1e6);
        boolean neg = scaled < 0;
        scaled = Math.abs(scaled);
        long ip = scaled / 1_000_000;
        long fp = scaled % 1_000_000;
        StringBuilder sb = new StringBuilder(16);
        if (neg && scaled != 0) {
            sb.append('-');
        }
        sb.append(ip);
        if (fp != 0) {
            String f = Long.toString(fp + 1_000_000).substring(1);
            int end = f.length();
            while (f.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(f, 0, end);
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
