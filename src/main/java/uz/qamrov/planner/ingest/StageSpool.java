package uz.qamrov.planner.ingest;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Validated network rows on their way to the staging tables, kept on disk as the text {@code COPY} reads: a job
 * validates its upload chunk by chunk and appends each chunk's valid rows here, so the rows are never all in memory;
 * the write step ({@link ImportWriter#write(Layer, StageSpool, java.time.LocalDate, String, boolean,
 * java.util.function.IntConsumer)}) then copies the file into staging inside the import's one transaction,
 * {@link StagingRepository#CHUNK} rows per {@code COPY}. Besides the file it keeps the operators (their layers are
 * locked before writing) and, per chunk, how many source rows it covers (progress). {@link #close()} deletes the
 * files.
 */
final class StageSpool implements AutoCloseable {

    /** One file of CSV records and the byte offsets where its COPY chunks end. */
    private static final class Part {
        final Path path;
        final Counting bytes;
        final CSVPrinter printer;
        final List<Long> ends = new ArrayList<>();

        Part(String name) throws IOException {
            path = Files.createTempFile("qamrov-" + name, ".csv");
            bytes = new Counting(Files.newOutputStream(path));
            printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16),
                    CSVFormat.POSTGRESQL_CSV);
        }

        void mark() throws IOException {
            printer.flush();
            ends.add(bytes.count);
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    private final Part stage;
    private final Part cells;
    private final Set<String> operators = new TreeSet<>();
    private final List<Integer> sourceRowsAtMark = new ArrayList<>();
    private int entities;
    private int sourceRows;
    private boolean finished;

    StageSpool() {
        try {
            stage = new Part("stage");
            cells = new Part("stage-cells");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A spool of rows already in memory (the whole-list entry point of the writer). */
    static StageSpool of(List<? extends Rows.ImportRow> rows) {
        StageSpool s = new StageSpool();
        rows.forEach(s::add);
        return s;
    }

    /** Appends one validated row: its staging record ({@code ord}, data columns, content hash) and its cells. */
    void add(Rows.ImportRow r) {
        int ord = entities++;
        try {
            stage.printer.printRecord(stageRow(ord, r));
            if (r instanceof Rows.Site s) {
                for (Rows.Cell c : s.cells()) {
                    cells.printer.printRecord(ord, c.cellId(), c.technology(), c.bandMhz(), c.azimuthDeg(), c.beamwidthDeg(),
                            c.tiltDeg(), c.antennaHeightM(), c.eirpDbm(), c.rangeM(), c.observedRangeM());
                }
            }
            operators.add(ImportWriter.operatorOf(r));
            sourceRows += r.rows().size();
            if (entities % StagingRepository.CHUNK == 0) {
                mark();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void mark() throws IOException {
        stage.mark();
        cells.mark();
        sourceRowsAtMark.add(sourceRows);
    }

    int entities() {
        return entities;
    }

    Set<String> operators() {
        return operators;
    }

    /**
     * The staged text in COPY-sized chunks, in order.
     *
     * @param stageChunk receives the bytes of the {@code stage} records of one chunk and the source rows up to its end
     */
    void chunks(ChunkSink stageChunk, ChunkSink cellChunk) {
        try {
            if (!finished) {
                if (entities % StagingRepository.CHUNK != 0) {
                    mark();
                }
                stage.printer.close();
                cells.printer.close();
                finished = true;
            }
            read(stage, stageChunk);
            read(cells, cellChunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read(Part part, ChunkSink sink) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(part.path.toFile(), "r")) {
            long from = 0;
            for (int i = 0; i < part.ends.size(); i++) {
                long to = part.ends.get(i);
                if (to > from) {
                    byte[] chunk = new byte[Math.toIntExact(to - from)];
                    in.readFully(chunk);
                    sink.accept(chunk, sourceRowsAtMark.get(i));
                }
                from = to;
            }
        }
    }

    /** One chunk of COPY text. */
    interface ChunkSink {
        void accept(byte[] csv, int sourceRowsSoFar);
    }

    /** One staged row in COPY order: ord, the table's data columns, content hash. */
    private static List<Object> stageRow(int ord, Rows.ImportRow r) {
        String hash = ContentHash.of(r);
        if (r instanceof Rows.Site s) {
            return Arrays.asList(ord, s.operator(), s.siteId(), ImportWriter.ewkb(s.geometry()), s.towerHeightM(), s.status(),
                    s.commissionedOn(), s.decommissionedOn(), s.firstObservedOn(), s.lastObservedOn(), hash);
        }
        if (r instanceof Rows.FiberRoute f) {
            return Arrays.asList(ord, f.operator(), f.externalId(), ImportWriter.ewkb(f.geometry()), f.status(), f.routeKind(),
                    f.commissionedOn(), f.decommissionedOn(), f.capacityGbps(), hash);
        }
        Rows.FiberNode n = (Rows.FiberNode) r;
        return Arrays.asList(ord, n.operator(), n.externalId(), ImportWriter.ewkb(n.geometry()), n.kind(), n.broadbandPorts(),
                n.status(), n.commissionedOn(), n.decommissionedOn(), hash);
    }

    @Override
    public void close() {
        for (Part p : List.of(stage, cells)) {
            try {
                if (!finished) {
                    p.printer.close();
                }
                Files.deleteIfExists(p.path);
            } catch (IOException e) {
                p.path.toFile().deleteOnExit();
            }
        }
    }
}
