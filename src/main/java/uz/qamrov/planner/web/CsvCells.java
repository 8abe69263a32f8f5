package uz.qamrov.planner.web;

/**
 * CSV injection ("formula injection") defence for every CSV we write, after the OWASP guidance: a text cell that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is prefixed with a single quote,
 * so a spreadsheet shows it as text instead of running it as a formula (e.g. a settlement or site named
 * {@code =HYPERLINK("http://evil","x")} from an upload). The CSV printer then quotes the cell as RFC 4180 requires.
 *
 * <p>Numbers, booleans and dates are written as they are: {@code -3.5} is a value, not a formula, and spreadsheets
 * must keep reading it as a number. Only {@link CharSequence} values (names, ids, free text) are neutralised.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** The value to print for one CSV cell. */
    public static Object safe(Object value) {
        if (value instanceof CharSequence text && isFormulaLike(text)) {
            return "'" + text;
        }
        return value;
    }

    static boolean isFormulaLike(CharSequence text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
