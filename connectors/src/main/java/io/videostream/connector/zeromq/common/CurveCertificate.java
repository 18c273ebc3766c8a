package io.videostream.connector.zeromq.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.annotation.PublicEvolving;
import org.zeromq.ZMQ;

/**
 * A CURVE certificate in ZeroMQ's text format, as pyzmq's {@code zmq.auth.create_certificates} and
 * czmq write it: {@code NAME.key} holds the public key, {@code NAME.key_secret} the public and the
 * secret key, each 40 characters of Z85 text in the {@code curve} section. Python peers use the same
 * files.
 *
 * @param publicKey the public key (Z85)
 * @param secretKey the secret key (Z85), or null for a public certificate
 */
@PublicEvolving
public record CurveCertificate(String publicKey, String secretKey) {
    private static final Pattern KEY = Pattern.compile("^\\s+(public-key|secret-key)\\s*=\\s*\"([^\"]*)\"\\s*$");
    private static final Pattern Z85 = Pattern.compile("[0-9a-zA-Z.\\-:+=^!/*?&<>()\\[\\]{}@%$#]{40}");

    public CurveCertificate {
        requireZ85(publicKey, "public key");
        if (secretKey != null) {
            requireZ85(secretKey, "secret key");
        }
    }

    /** A new key pair (made in Java: no native library needed). */
    public static CurveCertificate generate() {
        ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
        return new CurveCertificate(pair.publicKey, pair.secretKey);
    }

    /** Reads a certificate file: a {@code .key_secret} file gives both keys, a {@code .key} file the public one. */
    public static CurveCertificate read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file (" + file.toAbsolutePath() + ")" : e.toString();
            throw new IllegalArgumentException("cannot read the certificate " + file + ": " + why, e);
        }
        String publicKey = null;
        String secretKey = null;
        boolean inCurve = false;
        for (String line : lines) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                inCurve = line.strip().equals("curve"); // a section starts at the left margin
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (inCurve && key.matches()) {
                if (key.group(1).equals("public-key")) {
                    publicKey = key.group(2);
                } else {
                    secretKey = key.group(2);
                }
            }
        }
        if (publicKey == null) {
            throw new IllegalArgumentException("the certificate " + file + " has no public-key in its curve section");
        }
        try {
            return new CurveCertificate(publicKey, secretKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the certificate " + file + ": " + e.getMessage(), e);
        }
    }

    /** The public certificates ({@code *.key}) in a directory: the clients a CURVE server lets in. */
    public static List<CurveCertificate> readPublicKeys(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no directory of allowed clients' certificates at " + directory);
        }
        List<CurveCertificate> certificates = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".key")).sorted()
                    .forEach(f -> certificates.add(publicOnly(read(f))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return certificates;
    }

    /**
     * Writes {@code NAME.key} (the public certificate, to hand out) and {@code NAME.key_secret} (to keep:
     * readable by its owner only where the file system allows).
     *
     * @return the two files, public first
     */
    public List<Path> write(Path directory, String name) throws IOException {
        if (secretKey == null) {
            throw new IllegalStateException("a public certificate has no secret to write");
        }
        Files.createDirectories(directory);
        Path publicFile = directory.resolve(name + ".key");
        Path secretFile = directory.resolve(name + ".key_secret");
        Files.writeString(publicFile, text("Public", false));
        Files.deleteIfExists(secretFile);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(secretFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(secretFile, text("**Secret**", true));
        return List.of(publicFile, secretFile);
    }

    private String text(String kind, boolean withSecret) {
        StringBuilder text = new StringBuilder()
                .append("#   ****  Generated on ").append(LocalDate.now()).append(" by videostream  ****\n")
                .append("#   ZeroMQ CURVE ").append(kind).append(" Certificate\n")
                .append(withSecret ? "#   DO NOT PROVIDE THIS FILE TO OTHER USERS nor change its permissions.\n"
                        : "#   Exchange securely, or use a secure mechanism to verify the contents of this file.\n")
                .append("\nmetadata\ncurve\n")
                .append("    public-key = \"").append(publicKey).append("\"\n");
        if (withSecret) {
            text.append("    secret-key = \"").append(secretKey).append("\"\n");
        }
        return text.toString();
    }

    private static CurveCertificate publicOnly(CurveCertificate certificate) {
        return new CurveCertificate(certificate.publicKey(), null);
    }

    private static void requireZ85(String key, String what) {
        if (key == null || !Z85.matcher(key).matches()) {
            throw new IllegalArgumentException("a CURVE " + what + " is 40 characters of Z85 text, got "
                    + (key == null ? "none" : key.length() + " characters that are not"));
        }
    }

    /** The secret key is not shown. */
    @Override
    public String toString() {
        return "CurveCertificate[publicKey=" + publicKey + (secretKey == null ? "" : ", with its secret key") + "]";
    }
}
