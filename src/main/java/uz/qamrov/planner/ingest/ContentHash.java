package uz.qamrov.planner.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash of a versioned network row: SHA-256 over everything stored except the source and the validity
 * dates, coordinates to 7 decimals (≈ 1 cm). An identical hash on re-upload means "unchanged", so the text hashed
 * must stay byte for byte what earlier releases hashed (it is stored in {@code content_hash}): the site text is
 * {@code "%.7f|%.7f|tower|status|comm|decomm"}, then for each cell a line in the form {@code Rows.Cell#toString()}
 * printed (without {@code observedRangeM=null}, a column added later). It is written here field by field instead of
 * through {@code Record.toString}, {@code String.format} and {@code String.replace}, which took a third of the write
 * phase's CPU at 300,000 rows; {@code ContentHashTest} holds it to the old text.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(Rows.ImportRow r) {
        StringBuilder b = new StringBuilder(256);
        if (r instanceof Rows.Site s) {
            fixed7(b, s.geometry().getX()).append('|');
            fixed7(b, s.geometry().getY()).append('|');
            b.append(s.towerHeightM()).append('|').append(s.status()).append('|').append(s.commissionedOn()).append('|')
                    .append(s.decommissionedOn());
            if (s.firstObservedOn() != null || s.lastObservedOn() != null) {
                // only crowd-sourced sites carry these; others keep the hash they always had
                b.append("|observed ").append(s.firstObservedOn()).append('/').append(s.lastObservedOn());
            }
            for (Rows.Cell c : s.cells()) {
                cell(b.append('\n'), c);
            }
        } else if (r instanceof Rows.FiberRoute f) {
            b.append(f.geometry().toText()).append('|').append(f.status()).append('|').append(f.routeKind()).append('|')
                    .append(f.commissionedOn()).append('|').append(f.decommissionedOn()).append('|').append(f.capacityGbps());
        } else if (r instanceof Rows.FiberNode n) {
            b.append(n.geometry().toText()).append('|').append(n.kind()).append('|').append(n.broadbandPorts()).append('|')
                    .append(n.status()).append('|').append(n.commissionedOn()).append('|').append(n.decommissionedOn());
        }
        return sha256(b);
    }

    /** A cell as its record's toString printed it; a cell without an observed range leaves that field out. */
    private static void cell(StringBuilder b, Rows.Cell c) {
        b.append("Cell[cellId=").append(c.cellId()).append(", technology=").append(c.technology()).append(", bandMhz=")
                .append(c.bandMhz()).append(", azimuthDeg=").append(c.azimuthDeg()).append(", beamwidthDeg=")
                .append(c.beamwidthDeg()).append(", tiltDeg=").append(c.tiltDeg()).append(", antennaHeightM=")
                .append(c.antennaHeightM()).append(", eirpDbm=").append(c.eirpDbm()).append(", rangeM=").append(c.rangeM());
        if (c.observedRangeM() != null) {
            b.append(", observedRangeM=").append(c.observedRangeM());
        }
        b.append(']');
    }

    /**
     * {@code String.format(Locale.ROOT, "%.7f", v)}: the formatter rounds the shortest decimal of the double (what
     * {@link Double#toString} prints) half up, which is what this does, without a Formatter per call.
     */
    static StringBuilder fixed7(StringBuilder b, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return b.append(String.format(java.util.Locale.ROOT, "%.7f", v));
        }
        String digits = new BigDecimal(Double.toString(Math.abs(v))).setScale(7, RoundingMode.HALF_UP).toPlainString();
        if (Math.copySign(1.0, v) < 0) {
            b.append('-');
        }
        return b.append(digits);
    }

    static String sha256(CharSequence s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
