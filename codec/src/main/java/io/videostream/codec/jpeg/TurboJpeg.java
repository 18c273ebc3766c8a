package io.videostream.codec.jpeg;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * Direct JNA mapping of the part of libjpeg-turbo's TurboJPEG 2.x C API that the codec uses, bound
 * to the system's {@code libturbojpeg.so.0} (Debian package {@code libturbojpeg0}).
 */
final class TurboJpeg {
    /** The library to bind; the system property {@code videostream.turbojpeg.library} may name another file. */
    static final String LIBRARY = System.getProperty("videostream.turbojpeg.library", "libturbojpeg.so.0");

    static final int TJPF_BGR = 1;
    static final int TJPF_GRAY = 6;
    static final int TJSAMP_420 = 2;
    static final int TJSAMP_GRAY = 3;
    static final int TJFLAG_FASTUPSAMPLE = 256;
    static final int TJFLAG_NOREALLOC = 1024;
    static final int TJFLAG_FASTDCT = 2048;
    static final int TJFLAG_LIMITSCANS = 32768;

    private static final Throwable LOAD_FAILURE = register();

    private TurboJpeg() {}

    private static Throwable register() {
        try {
            Native.register(TurboJpeg.class, NativeLibrary.getInstance(LIBRARY));
            return null;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError from JNA's own native part
            return e;
        }
    }

    /** Why the library could not be bound, or null when it is ready. */
    static Throwable loadFailure() {
        return LOAD_FAILURE;
    }

    static native Pointer tjInitCompress();

    static native Pointer tjInitDecompress();

    static native int tjDestroy(Pointer handle);

    static native NativeLong tjBufSize(int width, int height, int jpegSubsamp);

    static native int tjCompress2(Pointer handle, Pointer srcBuf, int width, int pitch, int height, int pixelFormat,
            Pointer jpegBufRef, Pointer jpegSizeRef, int jpegSubsamp, int jpegQual, int flags);

    static native int tjDecompressHeader3(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, int[] width,
            int[] height, int[] jpegSubsamp, int[] jpegColorspace);

    static native int tjDecompress2(Pointer handle, Pointer jpegBuf, NativeLong jpegSize, Pointer dstBuf, int width,
            int pitch, int height, int pixelFormat, int flags);

    static native String tjGetErrorStr2(Pointer handle);
}
