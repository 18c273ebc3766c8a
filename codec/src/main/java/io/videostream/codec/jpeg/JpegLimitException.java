package io.videostream.codec.jpeg;

/** The image or its payload is larger than the configured {@link JpegLimits}; nothing was allocated for it. */
public class JpegLimitException extends JpegException {
    private static final long serialVersionUID = 1L;

    public JpegLimitException(String message) {
        super(message);
    }
}
