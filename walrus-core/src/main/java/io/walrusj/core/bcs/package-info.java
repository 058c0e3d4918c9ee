/**
 * Strict BCS (Binary Canonical Serialization, as used by Diem, Move and Sui and implemented by
 * the Rust {@code bcs} crate).
 *
 * <p>{@link io.walrusj.core.bcs.BcsWriter} produces canonical bytes and
 * {@link io.walrusj.core.bcs.BcsReader} accepts <em>only</em> canonical bytes, so that
 * {@code decode(encode(x)) == x} and {@code encode(decode(b)) == b} for every accepted {@code b}.
 * The rules:
 *
 * <ul>
 *   <li>{@code u8/u16/u32/u64/u128/u256}: fixed width, little-endian. {@code u128}/{@code u256}
 *       are handled as 16/32 raw little-endian bytes.
 *   <li>{@code bool}: one byte, 0 or 1 only.
 *   <li>Lengths and enum variant indexes: ULEB128, canonical (minimal) encoding only, value at most
 *       2^32-1 (at most 5 bytes); lengths additionally at most 2^31-1.
 *   <li>{@code Vec<T>}, byte strings, UTF-8 strings: ULEB128 length, then the elements / bytes.
 *       Strings must be valid UTF-8.
 *   <li>Fixed arrays {@code [u8; N]} and structs: no framing at all.
 *   <li>{@code Option<T>}: tag 0 = None, tag 1 followed by T = Some.
 *   <li>Enums: ULEB128 variant index followed by the variant payload.
 *   <li>Maps ({@code BTreeMap}): ULEB128 count, then key/value pairs sorted by the BCS bytes of the
 *       key (lexicographic, unsigned), no duplicates.
 * </ul>
 *
 * <p>Error handling: everything wrong with <em>input</em> bytes is reported by the reader as an
 * unchecked {@link io.walrusj.core.bcs.BcsException} whose message gives the byte offset. Values
 * handed to the writer that have no BCS encoding (out-of-range integers, unpaired surrogates,
 * duplicate map keys) are programming errors and raise {@link IllegalArgumentException}.
 * Neither class is thread-safe.
 */
package io.walrusj.core.bcs;
