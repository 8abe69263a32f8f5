package uz.qamrov.planner.geodata;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uz.qamrov.planner.system.FileSha256;

/**
 * Loads the shipped national dataset into an empty database: every layer not loaded yet, in file order, each in
 * its own transaction (a crash mid-way leaves whole layers only, and the next start resumes).
 */
@Service
public class GeodataLoader {

    private static final Logger log = LoggerFactory.getLogger(GeodataLoader.class);

    private final GeodataRepository repository;
    private final TransactionTemplate tx;

    GeodataLoader(GeodataRepository repository, TransactionTemplate tx) {
        this.repository = repository;
        this.tx = tx;
    }

    /** @return the number of layers loaded now (0 when everything was loaded before) */
    public int loadMissingLayers(Path dir) {
        if (!Files.isDirectory(dir)) {
            log.warn("geodata directory {} not found: starting with an empty database", dir.toAbsolutePath());
            return 0;
        }
        Set<String> done = repository.loadedLayers();
        int loaded = 0;
        long all = System.nanoTime();
        for (GeodataLayer layer : GeodataLayer.values()) {
            Path file = dir.resolve(layer.fileName);
            if (done.contains(layer.key())) {
                continue;
            }
            if (!Files.exists(file)) {
                log.warn("geodata: {} is missing, layer {} skipped", file, layer.key());
                continue;
            }
            long t0 = System.nanoTime();
            String sha = FileSha256.of(file); // which version of the file the layer came from
            int rows = tx.execute(status -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    InputStream csv = layer.fileName.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
                    return repository.load(layer, csv, sha, t0);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file, e);
                }
            });
            loaded++;
            log.info("geodata: layer {} loaded, {} rows in {} s", layer.key(), rows, String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        }
        if (loaded > 0) {
            repository.analyze();
            log.info("geodata: {} layers loaded from {} in {} s", loaded, dir, String.format("%.1f", (System.nanoTime() - all) / 1e9));
        }
        return loaded;
    }
}
