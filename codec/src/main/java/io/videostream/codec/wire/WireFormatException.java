package io.videostream.codec.wire;

import java.io.IOException;

/** A message does not follow pystreaming's wire format; the message says what is wrong. */
public class WireFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public WireFormatException(String message) {
        super(message);
    }

    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
