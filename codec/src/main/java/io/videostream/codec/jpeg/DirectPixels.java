package io.videostream.codec.jpeg;

import io.videostream.codec.Pixels;
import java.nio.ByteBuffer;

/**
 * Hands native code the pixels in a direct buffer: the pixels' own buffer when it is direct, else a
 * staging copy in a direct buffer that grows once and is reused.
 */
final class DirectPixels {
    private ByteBuffer staging = ByteBuffer.allocateDirect(0);

    ByteBuffer of(Pixels image) {
        ByteBuffer pixels = image.buffer();
        if (pixels.isDirect()) {
            return pixels;
        }
        if (staging.capacity() < image.size()) {
            staging = ByteBuffer.allocateDirect(image.size());
        }
        return staging.clear().put(pixels).flip();
    }
}
