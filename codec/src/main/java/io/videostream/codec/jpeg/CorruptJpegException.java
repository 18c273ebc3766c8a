package io.videostream.codec.jpeg;

/** The bytes are not a decodable JPEG: not a JPEG at all, truncated, or damaged. */
public class CorruptJpegException extends JpegException {
    private static final long serialVersionUID = 1L;

    public CorruptJpegException(String message) {
        super(message);
    }
}
