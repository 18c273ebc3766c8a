package io.videostream.codec.wire;

/** A pickle asked for a global, a class or a call: refused before anything was looked up or run. */
public class UnsafePickleException extends WireFormatException {
    private static final long serialVersionUID = 1L;

    public UnsafePickleException(String message) {
        super(message);
    }
}
