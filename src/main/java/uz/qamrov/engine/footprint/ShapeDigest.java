package uz.qamrov.engine.footprint;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A SHA-256 fed with the numbers that fix a shape ({@link Footprint#feedShape}): two footprints that feed the same
 * numbers draw the same polygon. Doubles go in by their bits, so -0.0 and 0.0 differ (harmless: a miss, not a wrong
 * hit). Not thread-safe; one per thread.
 */
public final class ShapeDigest {

    private final MessageDigest sha;
    private final byte[] eight = new byte[8];

    public ShapeDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The bits of {@code v}, big-endian. */
    public ShapeDigest putDouble(double v) {
        long bits = Double.doubleToRawLongBits(v);
        for (int i = 0; i < 8; i++) {
            eight[i] = (byte) (bits >>> (56 - 8 * i));
        }
        sha.update(eight, 0, 8);
        return this;
    }

    public ShapeDigest putInt(int v) {
        for (int i = 0; i < 4; i++) {
            eight[i] = (byte) (v >>> (24 - 8 * i));
        }
        sha.update(eight, 0, 4);
        return this;
    }

    /** Its chars (UTF-16), the length first: two strings fed one after the other cannot be taken for another pair. */
    public ShapeDigest putString(String s) {
        return putChars(s.toCharArray());
    }

    /** The length first, then each char in two bytes. */
    public ShapeDigest putChars(char[] cs) {
        putInt(cs.length);
        byte[] b = new byte[cs.length * 2];
        for (int i = 0; i < cs.length; i++) {
            b[2 * i] = (byte) (cs[i] >>> 8);
            b[2 * i + 1] = (byte) cs[i];
        }
        sha.update(b);
        return this;
    }

    public ShapeDigest putBytes(byte[] b) {
        putInt(b.length);
        sha.update(b);
        return this;
    }

    /** The digest of everything fed since the last call (32 bytes); the digest starts again empty. */
    public byte[] finish() {
        return sha.digest();
    }
}
