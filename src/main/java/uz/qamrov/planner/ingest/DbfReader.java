package uz.qamrov.planner.ingest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dBASE III table of a shapefile, read one record at a time from a mapped buffer. The header's record count,
 * header length, record length and field lengths are checked against each other and against the bytes present
 * before any record is read: a .dbf claiming 2^31 records in 600 bytes fails at once with a 400.
 * Field names and values are decoded with the shapefile's code page.
 */
final class DbfReader {

    record Row(boolean deleted, Map<String, String> attrs) {
    }

    private final ByteBuffer b;
    private final Charset cs;
    private final long records;
    private final int headerLen;
    private final int recordLen;
    private final List<String> names = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final List<Character> types = new ArrayList<>();

    DbfReader(ByteBuffer dbf, Charset cs, ParseBudget budget) {
        this.b = dbf.order(ByteOrder.LITTLE_ENDIAN);
        this.cs = cs;
        long size = dbf.limit();
        if (size < 32) {
            throw FileProblems.invalid("the .dbf is truncated (no 32-byte header)").withMessage("detail.dbf-truncated");
        }
        records = b.getInt(4) & 0xffffffffL;
        headerLen = b.getShort(8) & 0xffff;
        recordLen = b.getShort(10) & 0xffff;
        if (headerLen < 33 || headerLen > size) {
            throw FileProblems.invalid("the .dbf header length " + headerLen + " is impossible for a file of " + size
                    + " bytes").withMessage("detail.dbf-header-length",
                    Map.of("headerLength", headerLen, "size", size));
        }
        if (recordLen < 1) {
            throw FileProblems.invalid("the .dbf record length is 0").withMessage("detail.dbf-record-length-zero");
        }
        if (records > budget.maxRows()) {
            throw FileProblems.tooManyRows(budget.maxRows());
        }
        // a trailing 0x1A end-of-file byte is optional
        if (headerLen + records * recordLen > size) {
            throw FileProblems.invalid("the .dbf claims " + records + " records of " + recordLen + " bytes but holds only "
                    + (size - headerLen) + " bytes of records (truncated or corrupt)")
                    .withMessage("detail.dbf-records-missing",
                            Map.of("records", records, "recordLength", recordLen, "bytes", size - headerLen));
        }
        int fieldBytes = 1; // the deletion flag
        byte[] nameBytes = new byte[11];
        for (int p = 32; p + 32 <= headerLen && b.get(p) != 0x0D; p += 32) {
            int end = 0;
            while (end < 11 && b.get(p + end) != 0) {
                nameBytes[end] = b.get(p + end);
                end++;
            }
            names.add(new String(nameBytes, 0, end, cs).strip().toLowerCase(Locale.ROOT));
            int len = b.get(p + 16) & 0xff;
            lengths.add(len);
            types.add((char) (b.get(p + 11) & 0xff));
            fieldBytes += len;
        }
        if (fieldBytes > recordLen) {
            throw FileProblems.invalid("the .dbf fields need " + fieldBytes + " bytes but a record has " + recordLen)
                    .withMessage("detail.dbf-fields-too-long",
                            Map.of("fieldBytes", fieldBytes, "recordLength", recordLen));
        }
    }

    /** The field names, lower case, in table order. */
    List<String> names() {
        return List.copyOf(names);
    }

    long records() {
        return records;
    }

    Row row(long r) {
        int p = (int) (headerLen + r * recordLen);
        boolean deleted = b.get(p) == '*';
        Map<String, String> row = new LinkedHashMap<>();
        int off = p + 1;
        for (int f = 0; f < names.size(); f++) {
            int len = lengths.get(f);
            byte[] raw = new byte[len];
            b.get(off, raw);
            String v = new String(raw, cs).strip();
            char type = types.get(f);
            if (v.matches("\\*+") || (type == 'D' && v.matches("0{8}"))) {
                v = ""; // dBASE nulls: numbers filled with '*', dates with zeros
            } else if (type == 'D' && v.matches("\\d{8}")) {
                v = v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6); // dBASE dates are YYYYMMDD
            }
            if (!v.isEmpty()) {
                row.put(names.get(f), v);
            }
            off += len;
        }
        return new Row(deleted, row);
    }
}
