package uz.qamrov.planner.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the encoding of an uploaded text file and opens it as a strict streaming {@link Reader}.
 *
 * <ul>
 *   <li>a byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE;</li>
 *   <li>without one, UTF-16 is recognised by its NUL bytes in every other position (ASCII-range text);</li>
 *   <li>otherwise a file that is valid UTF-8 is UTF-8; a file whose first non-ASCII bytes are not UTF-8 is
 *       windows-1251 (what Russian and Uzbek Excel and 1C write);</li>
 *   <li>a file that starts as UTF-8 and breaks later, or encodes a lone UTF-16 surrogate, is rejected (400): a
 *       damaged file is never guessed at.</li>
 * </ul>
 * Every reader decodes with {@link CodingErrorAction#REPORT}: a byte that is not in the encoding is an error.
 */
final class TextDecoder {

    static final Charset CP1251 = Charset.forName("windows-1251");

    /** The encoding found; {@code label} is what the report shows. */
    record Text(Path file, Charset charset, int bomBytes, String label) {

        Reader open() {
            try {
                InputStream in = Files.newInputStream(file);
                in.skipNBytes(bomBytes);
                CharsetDecoder d = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                return new BufferedReader(new InputStreamReader(in, d), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private TextDecoder() {
    }

    static Text detect(Path file) {
        byte[] head = head(file, 65536);
        if (head.length == 0 || new String(head, 0, Math.min(head.length, 4096), StandardCharsets.ISO_8859_1).isBlank()) {
            throw FileProblems.invalid("the file is empty").withMessage("detail.file-empty");
        }
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            requireUtf8(file, 3);
            return new Text(file, StandardCharsets.UTF_8, 3, "UTF-8 with BOM");
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new Text(file, StandardCharsets.UTF_16LE, 2, "UTF-16LE");
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new Text(file, StandardCharsets.UTF_16BE, 2, "UTF-16BE");
        }
        Charset utf16 = utf16WithoutBom(head);
        if (utf16 != null) {
            return new Text(file, utf16, 0, utf16.name() + " (no BOM)");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                throw FileProblems.invalid("the file is binary (a NUL byte at offset " + i + "), not text")
                        .withMessage("detail.file-binary", Map.of("offset", i));
            }
        }
        return utf8OrCp1251(file);
    }

    private static Charset utf16WithoutBom(byte[] head) {
        int n = head.length - head.length % 2;
        if (n < 4) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            evenNul += head[i] == 0 ? 1 : 0;
            oddNul += head[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (oddNul > pairs * 0.9 && evenNul < pairs * 0.1) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul > pairs * 0.9 && oddNul < pairs * 0.1) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static Text utf8OrCp1251(Path file) {
        Scan s = scanUtf8(file, 0);
        if (s.errorAt < 0) {
            return new Text(file, StandardCharsets.UTF_8, 0, "UTF-8");
        }
        if (s.nonAsciiChars == 0 && !s.surrogate) {
            return new Text(file, CP1251, 0, "windows-1251");
        }
        throw notUtf8(s);
    }

    private static void requireUtf8(Path file, int skip) {
        Scan s = scanUtf8(file, skip);
        if (s.errorAt >= 0) {
            throw notUtf8(s);
        }
    }

    private static RuntimeException notUtf8(Scan s) {
        return FileProblems.invalid(s.surrogate
                ? "the file encodes a lone UTF-16 surrogate at byte " + s.errorAt + ": not valid UTF-8 text"
                : "the file is not valid UTF-8 text (first bad byte at offset " + s.errorAt
                        + ", after valid UTF-8): save it as UTF-8")
                .withMessage(s.surrogate ? "detail.lone-surrogate" : "detail.not-utf8", Map.of("offset", s.errorAt));
    }

    private record Scan(long errorAt, long nonAsciiChars, boolean surrogate) {
    }

    /** Decodes the whole file as UTF-8 (streamed) to find the first malformed byte, if any. */
    private static Scan scanUtf8(Path file, int skip) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        long nonAscii = 0;
        try (InputStream s = Files.newInputStream(file)) {
            s.skipNBytes(skip);
            boolean eof = false;
            while (!eof) {
                int n = s.read(in.array(), in.position(), in.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    in.position(in.position() + n);
                }
                in.flip();
                int before = in.position();
                CoderResult r = d.decode(in, out, eof);
                consumed += in.position() - before;
                out.flip();
                while (out.hasRemaining()) {
                    nonAscii += out.get() > 0x7f ? 1 : 0;
                }
                out.clear();
                if (r.isError()) {
                    boolean surrogate = (in.get(in.position()) & 0xff) == 0xED && in.remaining() > 1
                            && (in.get(in.position() + 1) & 0xE0) == 0xA0;
                    return new Scan(skip + consumed, nonAscii, surrogate);
                }
                in.compact();
            }
            return new Scan(-1, nonAscii, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] head(Path file, int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
