package io.jingda.live.socket;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;

/**
 * Checks that the bytes of a text message are well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), fed frame by frame: a character may be split between two
 * frames of one message. One instance per connection; used on its event loop only.
 */
final class Utf8Check implements ByteProcessor {
    private int needed;
    private int lower = 0x80;
    private int upper = 0xBF;
    private boolean failed;

    /** Feeds the readable bytes of {@code buf} (not consumed); false once the message is not UTF-8. */
    boolean feed(ByteBuf buf) {
        if (!failed) {
            buf.forEachByte(this);
        }
        return !failed;
    }

    /** True if the bytes fed so far end on a character boundary and were all well-formed; then starts over. */
    boolean finish() {
        boolean ok = !failed && needed == 0;
        needed = 0;
        lower = 0x80;
        upper = 0xBF;
        failed = false;
        return ok;
    }

    @Override
    public boolean process(byte value) {
        int b = value & 0xFF;
        if (needed == 0) {
            if (b <= 0x7F) {
                return true;
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                lower = b == 0xE0 ? 0xA0 : 0x80;
                upper = b == 0xED ? 0x9F : 0xBF;
                needed = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                lower = b == 0xF0 ? 0x90 : 0x80;
                upper = b == 0xF4 ? 0x8F : 0xBF;
                needed = 3;
            } else {
                failed = true;
            }
            return !failed;
        }
        if (b < lower || b > upper) {
            failed = true;
            return false;
        }
        lower = 0x80;
        upper = 0xBF;
        needed--;
        return true;
    }
}
