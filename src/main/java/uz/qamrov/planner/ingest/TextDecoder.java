package uz.qamrov.planner.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 (with or without BOM): a file that is not UTF-8 text is rejected, never guessed at. */
final class TextDecoder {

    private TextDecoder() {
    }

    static String utf8(byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).isBlank()) {
            throw FileProblems.invalid("the file is empty");
        }
        for (int i = 0; i < Math.min(bytes.length, 65536); i++) {
            if (bytes[i] == 0) {
                throw FileProblems.invalid("the file is binary (a NUL byte at offset " + i + "), not UTF-8 text");
            }
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw FileProblems.invalid("the file is not valid UTF-8 text; save it as UTF-8");
        }
    }
}
