package uz.qamrov.planner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Formula-like text cells are neutralised in CSV output (OWASP CSV injection); numbers and plain text are not. */
class CsvInjectionTest {

    @Test
    void eachOwaspTriggerCharacterIsPrefixedWithAQuote() {
        assertThat(CsvCells.safe("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvCells.safe("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvCells.safe("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.safe("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.safe("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void ordinaryTextNumbersAndNullsAreLeftAlone() {
        assertThat(CsvCells.safe("Qarshi")).isEqualTo("Qarshi");
        assertThat(CsvCells.safe("Yangi-Yo'l")).isEqualTo("Yangi-Yo'l"); // a dash inside is fine
        assertThat(CsvCells.safe("")).isEqualTo("");
        assertThat(CsvCells.safe(-3.5)).isEqualTo(-3.5);
        assertThat(CsvCells.safe(42L)).isEqualTo(42L);
        assertThat(CsvCells.safe(null)).isNull();
    }

    @Test
    void theListWriterNeutralisesNamesFromTheDatabase() throws Exception {
        ListWriter writer = new ListWriter(new ObjectMapper());
        RowSource rows = sink -> {
            sink.accept(new FeatureRow(1, null, "{\"name\":\"=HYPERLINK(\\\"http://evil\\\",\\\"click\\\")\",\"population\":1200,\"delta\":-4.5}"));
            sink.accept(new FeatureRow(2, null, "{\"name\":\"Chiroqchi\",\"population\":800,\"delta\":2}"));
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(OutputFormat.CSV, new ListWriter.Envelope(null, List.of(), List.of("name", "population", "delta"), "x"), rows, out);

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).get("name")).isEqualTo("'=HYPERLINK(\"http://evil\",\"click\")");
        assertThat(records.get(0).get("population")).isEqualTo("1200");
        assertThat(records.get(0).get("delta")).isEqualTo("-4.5");
        assertThat(records.get(1).get("name")).isEqualTo("Chiroqchi");
    }
}
