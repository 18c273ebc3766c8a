package io.videostream.codec.jpeg;

/** A JPEG could not be encoded or decoded. Subclasses say why; none of them leaves native state behind. */
public class JpegException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JpegException(String message) {
        super(message);
    }
}
