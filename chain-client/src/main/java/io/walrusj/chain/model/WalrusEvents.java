package io.walrusj.chain.model;

import io.walrusj.chain.WalrusNetwork;
import io.walrusj.chain.model.WalrusDecodeException.Reason;
import io.walrusj.chain.rpc.SuiEvent;
import io.walrusj.core.bcs.BcsException;
import io.walrusj.core.bcs.BcsReader;
import io.walrusj.core.crypto.CryptoException;
import io.walrusj.core.crypto.SuiAddress;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Decodes Walrus events from their Sui type tag ({@code <package>::events::<Name>}) and BCS bytes.
 *
 * <ul>
 *   <li>The type's package must be one of the accepted package IDs: the network's original
 *       package ID, plus any "defining" IDs configured for event types added by upgrades (see
 *       {@link WalrusNetwork#additionalEventPackageIds()}); otherwise {@link Reason#WRONG_PACKAGE}.
 *       The module must be {@code events} ({@link Reason#WRONG_MODULE}).
 *   <li>A known name is decoded strictly: the bytes must be exactly the struct's fields
 *       (truncated, trailing or non-canonical input is {@link Reason#MALFORMED_BCS}).
 *   <li>An unknown name becomes an {@link WalrusEvent.UnknownEvent} carrying the raw bytes (or, if
 *       built with {@link #rejectingUnknown()}, a {@link Reason#UNKNOWN_EVENT} error). The default
 *       keeps a follower moving when a package upgrade introduces a new event instead of stalling
 *       the whole stream on it, while still never dropping it silently.
 *   <li>When Sui's {@code parsedJson} is given, it must describe the same field values as the BCS
 *       ({@link #verifyParsedJson}); otherwise {@link Reason#PARSED_JSON_MISMATCH}.
 * </ul>
 *
 * Instances are immutable and thread-safe.
 */
public final class WalrusEvents {

    /** The Move module that defines every Walrus event. */
    public static final String MODULE = WalrusNetwork.EVENTS_MODULE;

    private static final Map<String, Function<BcsReader, ? extends WalrusEvent>> READERS = readers();

    private final Set<SuiAddress> packageIds;
    private final boolean rejectUnknown;

    /**
     * @param acceptedPackageIds the package IDs an event type may name (at least the original ID)
     * @param rejectUnknown whether an unknown event name is an error instead of an
     *     {@link WalrusEvent.UnknownEvent}
     */
    public WalrusEvents(Set<SuiAddress> acceptedPackageIds, boolean rejectUnknown) {
        if (acceptedPackageIds.isEmpty()) {
            throw new IllegalArgumentException("at least one package ID is needed");
        }
        this.packageIds = Set.copyOf(new LinkedHashSet<>(acceptedPackageIds));
        this.rejectUnknown = rejectUnknown;
    }

    /** Accepts {@link WalrusNetwork#eventPackageIds()}; unknown events become {@link WalrusEvent.UnknownEvent}. */
    public static WalrusEvents forNetwork(WalrusNetwork network) {
        return new WalrusEvents(network.eventPackageIds(), false);
    }

    /** A copy that throws {@link Reason#UNKNOWN_EVENT} for names it does not know. */
    public WalrusEvents rejectingUnknown() {
        return new WalrusEvents(packageIds, true);
    }

    /** The accepted package IDs. */
    public Set<SuiAddress> packageIds() {
        return packageIds;
    }

    /** The 22 event names this decoder knows (Move struct names, sorted). */
    public static Set<String> knownNames() {
        return new TreeSet<>(READERS.keySet());
    }

    // ------------------------------------------------------------------ decoding

    /** Decodes a Sui event, checking its {@code parsedJson} when present. */
    public WalrusEvent decode(SuiEvent event) {
        return decode(event.type(), event.bcs(), event.parsedJson());
    }

    /** Decodes without a {@code parsedJson} check. */
    public WalrusEvent decode(String typeTag, byte[] bcs) {
        return decode(typeTag, bcs, Optional.empty());
    }

    /**
     * Decodes the event of type {@code typeTag} from {@code bcs}; if {@code parsedJson} is
     * present (and not JSON null) it must agree with the decoded fields.
     *
     * @throws WalrusDecodeException for a foreign or malformed type, malformed BCS, an unknown
     *     name (only when rejecting unknown events) or a {@code parsedJson} mismatch
     */
    public WalrusEvent decode(String typeTag, byte[] bcs, Optional<JsonNode> parsedJson) {
        Objects.requireNonNull(bcs, "bcs");
        TypeTag tag = TypeTag.parse(typeTag);
        if (!packageIds.contains(tag.packageId())) {
            throw new WalrusDecodeException(Reason.WRONG_PACKAGE, "event type " + typeTag
                    + " is not defined by the Walrus package (accepted: " + packageIds + ")");
        }
        if (!MODULE.equals(tag.module())) {
            throw new WalrusDecodeException(Reason.WRONG_MODULE,
                    "event type " + typeTag + " is not in module " + MODULE);
        }
        if (rejectUnknown && !READERS.containsKey(tag.name())) {
            throw new WalrusDecodeException(Reason.UNKNOWN_EVENT, "unknown Walrus event " + typeTag);
        }
        WalrusEvent event = decodeBody(tag.name(), bcs);
        parsedJson.filter(j -> !j.isNull() && !j.isMissingNode()).ifPresent(j -> verifyParsedJson(event, j));
        return event;
    }

    /**
     * Decodes the BCS body of the event named {@code name} (a Move struct name), strictly; an
     * unknown name gives an {@link WalrusEvent.UnknownEvent}.
     *
     * @throws WalrusDecodeException ({@link Reason#MALFORMED_BCS}) for malformed bytes
     */
    public static WalrusEvent decodeBody(String name, byte[] bcs) {
        Function<BcsReader, ? extends WalrusEvent> reader = READERS.get(name);
        if (reader == null) {
            return new WalrusEvent.UnknownEvent(name, bcs);
        }
        try {
            return BcsReader.decode(bcs, reader);
        } catch (BcsException e) {
            throw new WalrusDecodeException(Reason.MALFORMED_BCS, "cannot decode " + name + " from "
                    + bcs.length + " bytes: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ parsedJson

    /**
     * Checks that Sui's {@code parsedJson} rendering of an event denotes exactly the decoded
     * values: the same field names, and equal values after normalisation. Sui renders
     * {@code u8}-{@code u32} as JSON numbers, {@code u64}-{@code u256} as decimal strings,
     * {@code ID} as {@code 0x}-hex, vectors as arrays (sui-json-rpc-types {@code sui_move.rs});
     * here any unsigned integer may be a number or a decimal string, IDs may use short or
     * upper-case hex, and a {@code vector<u8>} may also be a Base64 string. Unknown events are
     * not checked.
     *
     * @throws WalrusDecodeException ({@link Reason#PARSED_JSON_MISMATCH}) on any difference
     */
    public static void verifyParsedJson(WalrusEvent event, JsonNode parsedJson) {
        if (event instanceof WalrusEvent.UnknownEvent) {
            return;
        }
        String where = event.name();
        if (!parsedJson.isObject()) {
            throw mismatch(where, "parsedJson is not an object: " + brief(parsedJson));
        }
        Map<String, Object> fields = event.fields();
        Set<String> actualNames = new LinkedHashSet<>(parsedJson.propertyNames());
        if (!actualNames.equals(fields.keySet())) {
            throw mismatch(where, "parsedJson has fields " + actualNames + ", the BCS layout has " + fields.keySet());
        }
        for (Map.Entry<String, Object> f : fields.entrySet()) {
            compare(where + "." + f.getKey(), f.getValue(), parsedJson.get(f.getKey()));
        }
    }

    private static void compare(String path, Object expected, JsonNode actual) {
        boolean ok = switch (expected) {
            case BigInteger n -> n.equals(unsigned(actual));
            case Boolean b -> actual.isBoolean() && actual.booleanValue() == b;
            case SuiAddress id -> id.equals(objectId(actual));
            case FieldValues.Bytes bytes -> Arrays.equals(bytes.value(), byteVector(actual));
            case List<?> list -> {
                if (!actual.isArray() || actual.size() != list.size()) {
                    yield false;
                }
                for (int i = 0; i < list.size(); i++) {
                    compare(path + "[" + i + "]", list.get(i), actual.get(i));
                }
                yield true;
            }
            default -> throw new IllegalStateException("unexpected field value " + expected.getClass());
        };
        if (!ok) {
            throw mismatch(path, "BCS has " + render(expected) + ", parsedJson has " + brief(actual));
        }
    }

    private static BigInteger unsigned(JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue();
        }
        if (n.isString()) {
            String s = n.stringValue();
            if (!s.isEmpty() && s.length() <= 78 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return new BigInteger(s);
            }
        }
        return null;
    }

    private static SuiAddress objectId(JsonNode n) {
        if (!n.isString()) {
            return null;
        }
        try {
            return SuiAddress.parseLenient(n.stringValue());
        } catch (CryptoException e) {
            return null;
        }
    }

    private static byte[] byteVector(JsonNode n) {
        if (n.isArray()) {
            byte[] out = new byte[n.size()];
            for (int i = 0; i < n.size(); i++) {
                BigInteger v = unsigned(n.get(i));
                if (v == null || v.bitLength() > 8) {
                    return null;
                }
                out[i] = (byte) v.intValue();
            }
            return out;
        }
        if (n.isString()) {
            try {
                return Base64.getDecoder().decode(n.stringValue());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static String render(Object v) {
        return v instanceof List<?> l ? l.toString() : String.valueOf(v);
    }

    private static String brief(JsonNode n) {
        String s = String.valueOf(n);
        return s.length() > 100 ? s.substring(0, 100) + "..." : s;
    }

    private static WalrusDecodeException mismatch(String where, String what) {
        return new WalrusDecodeException(Reason.PARSED_JSON_MISMATCH, where + ": " + what);
    }

    // ------------------------------------------------------------------ type tags

    /**
     * A Move struct type tag {@code <address>::<module>::<name>} as Sui prints event types; the
     * name keeps any type arguments verbatim.
     */
    public record TypeTag(SuiAddress packageId, String module, String name) {

        /** @throws WalrusDecodeException ({@link Reason#MALFORMED_TYPE}) if not of that form */
        public static TypeTag parse(String text) {
            if (text == null) {
                throw new WalrusDecodeException(Reason.MALFORMED_TYPE, "null type tag");
            }
            int a = text.indexOf("::");
            int b = a < 0 ? -1 : text.indexOf("::", a + 2);
            if (a <= 0 || b < 0) {
                throw new WalrusDecodeException(Reason.MALFORMED_TYPE, "not <address>::<module>::<name>: " + text);
            }
            String module = text.substring(a + 2, b);
            String name = text.substring(b + 2);
            if (!isIdentifier(module) || name.isEmpty() || !isIdentifier(baseName(name))) {
                throw new WalrusDecodeException(Reason.MALFORMED_TYPE, "not <address>::<module>::<name>: " + text);
            }
            try {
                return new TypeTag(SuiAddress.parseLenient(text.substring(0, a)), module, name);
            } catch (CryptoException e) {
                throw new WalrusDecodeException(Reason.MALFORMED_TYPE, "bad address in type tag " + text, e);
            }
        }

        @Override
        public String toString() {
            return packageId + "::" + module + "::" + name;
        }

        private static String baseName(String name) {
            int lt = name.indexOf('<');
            return lt < 0 ? name : name.substring(0, lt);
        }

        private static boolean isIdentifier(String s) {
            if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
                return false;
            }
            return s.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
        }
    }

    // ------------------------------------------------------------------ registry

    private static Map<String, Function<BcsReader, ? extends WalrusEvent>> readers() {
        Map<String, Function<BcsReader, ? extends WalrusEvent>> m = new LinkedHashMap<>();
        m.put(WalrusEvent.BlobRegistered.NAME, WalrusEvent.BlobRegistered::read);
        m.put(WalrusEvent.BlobCertified.NAME, WalrusEvent.BlobCertified::read);
        m.put(WalrusEvent.BlobDeleted.NAME, WalrusEvent.BlobDeleted::read);
        m.put(WalrusEvent.InvalidBlobId.NAME, WalrusEvent.InvalidBlobId::read);
        m.put(WalrusEvent.EpochChangeStart.NAME, WalrusEvent.EpochChangeStart::read);
        m.put(WalrusEvent.EpochChangeDone.NAME, WalrusEvent.EpochChangeDone::read);
        m.put(WalrusEvent.ShardsReceived.NAME, WalrusEvent.ShardsReceived::read);
        m.put(WalrusEvent.EpochParametersSelected.NAME, WalrusEvent.EpochParametersSelected::read);
        m.put(WalrusEvent.ShardRecoveryStart.NAME, WalrusEvent.ShardRecoveryStart::read);
        m.put(WalrusEvent.ContractUpgraded.NAME, WalrusEvent.ContractUpgraded::read);
        m.put(WalrusEvent.ContractUpgradeProposed.NAME, WalrusEvent.ContractUpgradeProposed::read);
        m.put(WalrusEvent.ContractUpgradeQuorumReached.NAME, WalrusEvent.ContractUpgradeQuorumReached::read);
        m.put(WalrusEvent.RegisterDenyListUpdate.NAME, WalrusEvent.RegisterDenyListUpdate::read);
        m.put(WalrusEvent.DenyListUpdate.NAME, WalrusEvent.DenyListUpdate::read);
        m.put(WalrusEvent.DenyListBlobDeleted.NAME, WalrusEvent.DenyListBlobDeleted::read);
        m.put(WalrusEvent.ProtocolVersionUpdated.NAME, WalrusEvent.ProtocolVersionUpdated::read);
        m.put(WalrusEvent.PricesUpdated.NAME, WalrusEvent.PricesUpdated::read);
        m.put(WalrusEvent.StoragePoolCreated.NAME, WalrusEvent.StoragePoolCreated::read);
        m.put(WalrusEvent.PooledBlobRegistered.NAME, WalrusEvent.PooledBlobRegistered::read);
        m.put(WalrusEvent.PooledBlobCertified.NAME, WalrusEvent.PooledBlobCertified::read);
        m.put(WalrusEvent.PooledBlobDeleted.NAME, WalrusEvent.PooledBlobDeleted::read);
        m.put(WalrusEvent.StoragePoolExtended.NAME, WalrusEvent.StoragePoolExtended::read);
        return Map.copyOf(m);
    }
}
