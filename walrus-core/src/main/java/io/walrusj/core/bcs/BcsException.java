package io.walrusj.core.bcs;

/**
 * Thrown when BCS input is malformed or non-canonical: truncated data, a non-canonical or
 * overflowing ULEB128, an invalid {@code bool} / {@code Option} tag, an unknown enum variant,
 * invalid UTF-8, map keys out of canonical order, or trailing bytes.
 *
 * <p>The message names the problem and the byte offset (relative to the start of the reader's
 * input) at which it was found; {@link #offset()} exposes that offset programmatically.
 */
public class BcsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int offset;

    /**
     * @param message complete human-readable message (should already mention the offset)
     * @param offset byte offset of the problem relative to the start of the input, or -1
     */
    public BcsException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /**
     * @param message complete human-readable message (should already mention the offset)
     * @param offset byte offset of the problem relative to the start of the input, or -1
     * @param cause underlying cause
     */
    public BcsException(String message, int offset, Throwable cause) {
        super(message, cause);
        this.offset = offset;
    }

    /** Creates an exception without a known offset ({@link #offset()} returns -1). */
    public BcsException(String message) {
        this(message, -1);
    }

    /** Byte offset of the problem relative to the start of the input, or -1 if unknown. */
    public int offset() {
        return offset;
    }
}
