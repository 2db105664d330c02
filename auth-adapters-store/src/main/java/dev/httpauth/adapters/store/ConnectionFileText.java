package dev.httpauth.adapters.store;

import dev.httpauth.domain.model.ConfigProblem;
import dev.httpauth.domain.model.Text;
import io.vavr.control.Either;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the bytes of a connections file into text before the parser reads them, so that an
 * encoding problem or a forbidden character is reported with its line and column and without the
 * parser's words.
 *
 * <p>The file is UTF-8, with or without a byte order mark. A UTF-16 or UTF-32 byte order mark
 * selects that encoding instead: YAML 1.2 (section 5.2) requires readers to accept these, and
 * Jackson accepts them in JSON too. No message repeats the file's text.
 */
final class ConnectionFileText {

    /** An encoding that a byte order mark announces, with the mark's bytes. */
    private record ByteOrderMark(Charset charset, byte[] bytes) {

        boolean starts(byte[] content) {
            if (content.length < bytes.length) {
                return false;
            }
            for (int i = 0; i < bytes.length; i++) {
                if (content[i] != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The marks in the order they are tested: UTF-32LE before UTF-16LE, whose mark starts it. */
    private static final List<ByteOrderMark> BYTE_ORDER_MARKS = List.of(
            new ByteOrderMark(StandardCharsets.UTF_8, bytes(0xEF, 0xBB, 0xBF)),
            new ByteOrderMark(Charset.forName("UTF-32BE"), bytes(0x00, 0x00, 0xFE, 0xFF)),
            new ByteOrderMark(Charset.forName("UTF-32LE"), bytes(0xFF, 0xFE, 0x00, 0x00)),
            new ByteOrderMark(StandardCharsets.UTF_16BE, bytes(0xFE, 0xFF)),
            new ByteOrderMark(StandardCharsets.UTF_16LE, bytes(0xFF, 0xFE)));

    private static final ByteOrderMark NO_MARK = new ByteOrderMark(StandardCharsets.UTF_8, new byte[0]);

    private ConnectionFileText() {
    }

    /**
     * Decodes {@code content} and checks it for control characters that {@code format} does not
     * allow anywhere in a file.
     *
     * @param format the format's name for messages, {@code JSON} or {@code YAML}
     * @return the text without its byte order mark, or the first problem found
     */
    static Either<ConfigProblem, String> decode(byte[] content, String format) {
        ByteOrderMark mark = BYTE_ORDER_MARKS.stream().filter(candidate -> candidate.starts(content)).findFirst().orElse(NO_MARK);
        if (mark == NO_MARK && startsWithZeroByte(content)) {
            return Either.left(new ConfigProblem("", "the file looks like UTF-16 or UTF-32 without a byte order mark,"
                    + " because its first characters contain zero bytes: save it in the UTF-8 encoding"));
        }

        ByteBuffer in = ByteBuffer.wrap(content, mark.bytes().length, content.length - mark.bytes().length);
        CharBuffer out = CharBuffer.allocate(content.length);
        CharsetDecoder decoder = mark.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        String text = out.flip().toString();
        if (result.isError()) {
            return Either.left(new ConfigProblem("", notValid(mark) + " " + at(text, text.length()) + " (byte offset " + in.position()
                    + "): save it in the UTF-8 encoding"));
        }
        return firstForbiddenCharacter(text, format)
                .<Either<ConfigProblem, String>>map(index -> Either.left(forbiddenCharacterProblem(text, index, format)))
                .orElseGet(() -> Either.right(text));
    }

    /**
     * Tells whether one of the first four bytes is zero. In UTF-8 a zero byte is U+0000, which
     * neither format allows, but the ASCII characters that start most files contain zero bytes in
     * UTF-16 and UTF-32 (RFC 4627, section 3).
     */
    private static boolean startsWithZeroByte(byte[] content) {
        for (int i = 0; i < Math.min(4, content.length); i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static String notValid(ByteOrderMark mark) {
        if (mark == NO_MARK || mark.charset().equals(StandardCharsets.UTF_8)) {
            return "the file is not valid UTF-8";
        }
        String name = mark.charset().name();
        return "the file starts with a " + name + " byte order mark but is not valid " + name;
    }

    /**
     * Finds the first character that the parser would reject. Neither JSON nor YAML allows a C0
     * control character other than tab, line feed and carriage return unescaped. YAML 1.2 (section
     * 5.1) also excludes DEL, the C1 controls except NEL, U+FFFE and U+FFFF outside quoted text, and
     * SnakeYAML rejects them inside quotes as well.
     */
    private static Optional<Integer> firstForbiddenCharacter(String text, String format) {
        boolean yaml = format.equals("YAML");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isC0Control(c) || (yaml && isOtherYamlControl(c))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static boolean isC0Control(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    private static boolean isOtherYamlControl(char c) {
        return c == 0x7F || (c >= 0x80 && c <= 0x9F && c != 0x85) || c == 0xFFFE || c == 0xFFFF;
    }

    private static ConfigProblem forbiddenCharacterProblem(String text, int index, String format) {
        char c = text.charAt(index);
        String rule = isC0Control(c) ? format + " does not allow" : "the YAML reader does not accept";
        return new ConfigProblem("", "the file contains the control character " + Text.codePoint(c) + " " + at(text, index)
                + ", which " + rule + ": remove it");
    }

    /**
     * Returns "at line L, column C" for the character at {@code index} of {@code text}. Lines end
     * at a line feed, a carriage return or both, as in JSON and YAML, and columns count code points.
     */
    private static String at(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            boolean crBeforeLf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if ((c == '\n' || c == '\r') && !crBeforeLf) {
                line++;
                lineStart = i + 1;
            }
        }
        return SyntaxErrors.at(line, text.codePointCount(lineStart, index) + 1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
