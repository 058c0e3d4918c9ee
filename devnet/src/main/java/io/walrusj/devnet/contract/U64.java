package io.walrusj.devnet.contract;

import java.math.BigInteger;

/** Move u64 arithmetic on Java longs read as unsigned: overflow and underflow abort. */
final class U64 {
    static final long MAX = -1L;
    private static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger U128_LIMIT = BigInteger.ONE.shiftLeft(128);

    private U64() {}

    static long add(long a, long b) {
        long r = a + b;
        if (Long.compareUnsigned(r, a) < 0) {
            throw overflow(a + " + " + b);
        }
        return r;
    }

    static long sub(long a, long b) {
        if (Long.compareUnsigned(a, b) < 0) {
            throw overflow(Long.toUnsignedString(a) + " - " + Long.toUnsignedString(b));
        }
        return a - b;
    }

    static long mul(long a, long b) {
        if (Math.unsignedMultiplyHigh(a, b) != 0) {
            throw overflow(Long.toUnsignedString(a) + " * " + Long.toUnsignedString(b));
        }
        return a * b;
    }

    /** {@code ceil(a / b)} ({@code u64::div_ceil}). */
    static long divCeil(long a, long b) {
        long q = Long.divideUnsigned(a, b);
        return Long.remainderUnsigned(a, b) == 0 ? q : q + 1;
    }

    static int compare(long a, long b) {
        return Long.compareUnsigned(a, b);
    }

    static long max(long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    static BigInteger big(long value) {
        return new BigInteger(Long.toUnsignedString(value));
    }

    /** {@code (a * b) / c} computed in u128 as Move does: aborts if the product exceeds u128 or the result u64. */
    static long mulDivU128(BigInteger a, BigInteger b, BigInteger c) {
        BigInteger product = a.multiply(b);
        if (product.compareTo(U128_LIMIT) >= 0) {
            throw overflow("u128 product " + product);
        }
        return fromBig(product.divide(c));
    }

    static long fromBig(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(U64_LIMIT) >= 0) {
            throw overflow("u64 cast of " + value);
        }
        return value.longValue();
    }

    /** Checks that {@code value} fits a u32. */
    static long requireU32(long value, String what) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new ContractException(AbortReason.EInvalidArgument, what + " is a u32, got " + value);
        }
        return value;
    }

    /** Adds two u32 values, aborting like Move on overflow. */
    static long addU32(long a, long b) {
        long r = a + b;
        if (r > 0xFFFF_FFFFL) {
            throw overflow("u32 " + a + " + " + b);
        }
        return r;
    }

    private static ContractException overflow(String what) {
        return new ContractException(AbortReason.EArithmeticError, "arithmetic error: " + what);
    }
}
