package uz.qamrov.planner.ingest.validate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The plain-text rules every value meets before it is used: numbers in plain decimal notation only (what a
 * spreadsheet or GIS writes; Java's {@code Double.parseDouble} also takes hex floats, a {@code d}/{@code f} suffix,
 * NaN and Infinity), dates as {@code YYYY-MM-DD} within a plausible window (PostgreSQL would store dates before
 * 4713 BC as {@code -infinity}), and text without NUL characters or unpaired UTF-16 surrogates (PostgreSQL refuses
 * both, which used to fail the whole job) and within a length limit. Each method returns what is wrong, or null.
 */
public final class StrictValues {

    /** Ids (site, cell, route, node, settlement, line keys): enough for any real register, small enough to index. */
    public static final int MAX_ID_CHARS = 100;
    /** Names and other stored text. */
    public static final int MAX_TEXT_CHARS = 200;
    /** Any attribute of a row, used or not: longer values are hostile, not data. */
    public static final int MAX_ATTRIBUTE_CHARS = 10_000;
    static final int MAX_NUMBER_CHARS = 40;
    /** Commissioning and decommissioning dates: the first mobile and fibre networks are younger than 1950. */
    public static final LocalDate MIN_DATE = LocalDate.of(1950, 1, 1);
    public static final LocalDate MAX_DATE = LocalDate.of(2100, 12, 31);

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictValues() {
    }

    /** What is wrong with a number as written, or null when it is a finite plain decimal. */
    public static String numberProblem(String v) {
        if (v.length() > MAX_NUMBER_CHARS) {
            return "is too long for a number (" + v.length() + " characters)";
        }
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("nan") || lower.contains("inf")) {
            return "is not a finite number";
        }
        if (!DECIMAL.matcher(v).matches()) {
            if (v.indexOf(',') >= 0 && DECIMAL.matcher(v.replace(',', '.')).matches()) {
                return "is not a number: decimal comma (write 41.3, not 41,3)";
            }
            return "is not a number in plain decimal notation (such as 41.3 or -7)";
        }
        if (Double.isInfinite(Double.parseDouble(v))) {
            return "is not a finite number";
        }
        return null;
    }

    /** The value of a number {@link #numberProblem} accepted. */
    public static double number(String v) {
        return Double.parseDouble(v);
    }

    /** What is wrong with a date as written, or null; {@code 2021-04-01T10:00:00Z} is read as its date. */
    public static String dateProblem(String v) {
        String d = dateText(v);
        if (!DATE.matcher(d).matches()) {
            return "is not a date in the form YYYY-MM-DD";
        }
        try {
            LocalDate date = LocalDate.parse(d);
            if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
                return "is outside the plausible range " + MIN_DATE + " to " + MAX_DATE;
            }
            return null;
        } catch (DateTimeParseException e) {
            return "is not a date in the form YYYY-MM-DD (no such day)";
        }
    }

    public static LocalDate date(String v) {
        return LocalDate.parse(dateText(v));
    }

    private static String dateText(String v) {
        return v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v;
    }

    /** What is wrong with a text value, or null: NUL, unpaired surrogates, too long. */
    public static String textProblem(String v, int maxChars) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == 0) {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate";
            }
        }
        int chars = v.codePointCount(0, v.length());
        if (chars > maxChars) {
            return "is longer than " + maxChars + " characters (" + chars + ")";
        }
        return null;
    }

    /** A value for an error message: long values are cut, control characters shown escaped. */
    public static String shown(String v) {
        if (v == null) {
            return null;
        }
        String s = v.length() > 80 ? v.substring(0, 80) + "…" : v;
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(s.charAt(i - 1))) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }
}
