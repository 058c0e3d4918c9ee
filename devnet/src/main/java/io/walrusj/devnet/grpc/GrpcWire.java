package io.walrusj.devnet.grpc;

import io.grpc.Metadata;
import io.grpc.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of gRPC over HTTP (PROTOCOL-HTTP2.md) and gRPC-Web (PROTOCOL-WEB.md): a message is a
 * frame {@code flag(1) || length(4, big-endian) || bytes}; flag 0x80 marks gRPC-Web's trailer frame,
 * whose bytes are the trailers as HTTP/1 header lines. Statuses travel as {@code grpc-status},
 * {@code grpc-message} (percent-encoded) and binary {@code -bin} trailers (unpadded Base64).
 */
final class GrpcWire {
    static final int HEADER = 5;
    static final byte TRAILER_FLAG = (byte) 0x80;

    private GrpcWire() {
    }

    /** The wire format a request's content type asks for, or null for one that is not gRPC. */
    enum Protocol {
        NATIVE("application/grpc"), WEB("application/grpc-web+proto"), WEB_TEXT("application/grpc-web-text+proto");

        final String responseContentType;

        Protocol(String responseContentType) {
            this.responseContentType = responseContentType;
        }

        static Protocol of(String contentType) {
            if (contentType == null) {
                return null;
            }
            String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            return switch (type) {
                case "application/grpc", "application/grpc+proto" -> NATIVE;
                case "application/grpc-web", "application/grpc-web+proto" -> WEB;
                case "application/grpc-web-text", "application/grpc-web-text+proto" -> WEB_TEXT;
                default -> null;
            };
        }
    }

    /** A failure to read the request, answered with this status. */
    static final class BadRequest extends Exception {
        final Status status;

        BadRequest(Status status) {
            super(status.getDescription(), null, false, false);
            this.status = status;
        }
    }

    /**
     * Reads the one request message of a unary or server-streaming call: exactly one uncompressed
     * frame of at most {@code maxBytes}, then the end of the body.
     */
    static byte[] readSingleMessage(InputStream in, int maxBytes) throws IOException, BadRequest {
        byte[] header = in.readNBytes(HEADER);
        if (header.length < HEADER) {
            throw new BadRequest(Status.INVALID_ARGUMENT.withDescription("the request has no message"));
        }
        if (header[0] != 0) {
            throw new BadRequest(header[0] == 1
                    ? Status.UNIMPLEMENTED.withDescription("compressed messages are not supported (grpc-accept-encoding: identity)")
                    : Status.INVALID_ARGUMENT.withDescription("invalid frame flag " + (header[0] & 0xff)));
        }
        long length = ((header[1] & 0xffL) << 24) | ((header[2] & 0xff) << 16) | ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        if (length > maxBytes) {
            throw new BadRequest(Status.RESOURCE_EXHAUSTED.withDescription(
                    "request message of " + length + " bytes is larger than the limit of " + maxBytes));
        }
        byte[] message = in.readNBytes((int) length);
        if (message.length < length) {
            throw new BadRequest(Status.INVALID_ARGUMENT.withDescription("the request body ends inside a message"));
        }
        if (in.read() != -1) {
            throw new BadRequest(Status.INVALID_ARGUMENT.withDescription("more than one request message for a unary or server-streaming method"));
        }
        return message;
    }

    static byte[] frame(byte flag, byte[] payload) {
        byte[] out = new byte[HEADER + payload.length];
        out[0] = flag;
        out[1] = (byte) (payload.length >>> 24);
        out[2] = (byte) (payload.length >>> 16);
        out[3] = (byte) (payload.length >>> 8);
        out[4] = (byte) payload.length;
        System.arraycopy(payload, 0, out, HEADER, payload.length);
        return out;
    }

    /** The status and the call's trailers as HTTP trailer fields (lower-case names). */
    static Map<String, String> trailers(Status status, Metadata metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("grpc-status", Integer.toString(status.getCode().value()));
        if (status.getDescription() != null) {
            out.put("grpc-message", percentEncode(status.getDescription()));
        }
        if (metadata != null) {
            for (String key : metadata.keys()) {
                if (key.startsWith("grpc-status") || key.equals("grpc-message")) {
                    if (!key.equals("grpc-status-details-bin")) {
                        continue;
                    }
                }
                if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
                    Iterable<byte[]> values = metadata.getAll(Metadata.Key.of(key, Metadata.BINARY_BYTE_MARSHALLER));
                    StringBuilder joined = new StringBuilder();
                    for (byte[] v : values) {
                        joined.append(joined.isEmpty() ? "" : ",").append(Base64.getEncoder().withoutPadding().encodeToString(v));
                    }
                    out.put(key, joined.toString());
                } else {
                    out.put(key, String.join(",", metadata.getAll(Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER))));
                }
            }
        }
        return out;
    }

    /** gRPC-Web's trailer frame payload: {@code name:value\r\n} lines. */
    static byte[] trailerBlock(Map<String, String> trailers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trailers.forEach((k, v) -> out.writeBytes((k + ":" + v + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        return out.toByteArray();
    }

    /** Percent-encoding of grpc-message: bytes outside 0x20..0x7e and '%' as %XX of the UTF-8 bytes. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c <= 0x7e && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** The {@code grpc-timeout} header ({@code 1-8 digits + H|M|S|m|u|n}) in nanoseconds, or -1 if absent or malformed. */
    static long timeoutNanos(String header) {
        if (header == null || header.length() < 2 || header.length() > 9) {
            return -1;
        }
        long value;
        try {
            value = Long.parseLong(header.substring(0, header.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
        if (value < 0) {
            return -1;
        }
        TimeUnit unit = switch (header.charAt(header.length() - 1)) {
            case 'H' -> TimeUnit.HOURS;
            case 'M' -> TimeUnit.MINUTES;
            case 'S' -> TimeUnit.SECONDS;
            case 'm' -> TimeUnit.MILLISECONDS;
            case 'u' -> TimeUnit.MICROSECONDS;
            case 'n' -> TimeUnit.NANOSECONDS;
            default -> null;
        };
        return unit == null ? -1 : unit.toNanos(value);
    }
}
