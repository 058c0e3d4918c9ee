package io.walrusj.encoder.read;

/**
 * A non-empty byte range {@code [start, start + length)} of a blob, from a {@code Range} header
 * (3.1, errors 416) or the byte-range route's query (3.3, errors 400).
 *
 * @param fromHeader whether it came from a {@code Range} header (206 + 416 semantics)
 */
record ByteRange(long start, long length, boolean fromHeader) {

    ByteRange {
        if (start < 0 || length <= 0 || start + length < 0) {
            throw new IllegalArgumentException("invalid range start " + start + " length " + length);
        }
    }

    long endExclusive() {
        return start + length;
    }

    long lastInclusive() {
        return start + length - 1;
    }

    /**
     * The only form Walrus supports: {@code bytes=<first>-<last>}, one range, both ends given, first
     * <= last (surrounding whitespace tolerated). Everything else is 416 INVALID_BYTE_RANGE.
     */
    static ByteRange parseHeader(String value) {
        String v = value.strip();
        if (!v.startsWith("bytes=")) {
            throw ReadErrors.invalidRangeHeader("invalid range header format: the unit must be bytes");
        }
        String spec = v.substring("bytes=".length());
        if (spec.indexOf(',') >= 0) {
            throw ReadErrors.invalidRangeHeader("only support one range per request");
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw ReadErrors.invalidRangeHeader("invalid range header format: missing '-'");
        }
        String first = spec.substring(0, dash).strip();
        String last = spec.substring(dash + 1).strip();
        if (first.isEmpty()) {
            throw ReadErrors.invalidRangeHeader("must provide start index");
        }
        if (last.isEmpty()) {
            throw ReadErrors.invalidRangeHeader("must provide end index");
        }
        long start = digits(first);
        long end = digits(last);
        if (start > end) {
            throw ReadErrors.invalidRangeHeader("start index must be less than end index");
        }
        if (end == Long.MAX_VALUE) {
            throw ReadErrors.invalidRangeHeader("range end " + last + " is too large");
        }
        return new ByteRange(start, end - start + 1, true);
    }

    /** {@code ?start=&length=} (3.3): length 0 and start + length overflowing are 400 INVALID_BYTE_RANGE. */
    static ByteRange fromQuery(long start, long length) {
        if (length == 0) {
            throw ReadErrors.invalidRangeQuery("length must be greater than 0");
        }
        // Both are parsed as unsigned u64: a negative long here is a value >= 2^63.
        if (start < 0 || length < 0 || start + length < 0) {
            throw ReadErrors.invalidRangeQuery("start + length overflows");
        }
        return new ByteRange(start, length, false);
    }

    /** 416 (header) / 400 (query) unless the whole range lies within a blob of {@code size} bytes. */
    void requireWithin(long size) {
        if (Long.compareUnsigned(endExclusive(), size) > 0) {
            String message = "byte range out of bounds: requested " + start + "-" + endExclusive()
                    + ", blob size is " + Long.toUnsignedString(size);
            throw fromHeader ? ReadErrors.invalidRangeHeader(message) : ReadErrors.invalidRangeQuery(message);
        }
    }

    /** {@code bytes first-last/total}. */
    String contentRange(long total) {
        return "bytes " + start + "-" + lastInclusive() + "/" + Long.toUnsignedString(total);
    }

    private static long digits(String s) {
        if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ReadErrors.invalidRangeHeader("invalid range header format: '" + s + "' is not a number");
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw ReadErrors.invalidRangeHeader("invalid range header format: '" + s + "' is too large");
        }
    }
}
