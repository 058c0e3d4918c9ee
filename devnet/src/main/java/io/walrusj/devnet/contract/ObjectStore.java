package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The committed ledger: live objects by id, WAL balances, and burn/mint totals. Changed only by
 * {@link Tx#commit()}. Iteration orders are by id (deterministic).
 */
final class ObjectStore {
    private final TypeNames types;
    private final TreeMap<SuiAddress, ObjectEntry> objects = new TreeMap<>();
    private final Map<SuiAddress, TreeSet<SuiAddress>> byOwner = new HashMap<>();
    private final TreeMap<SuiAddress, Long> balances = new TreeMap<>();
    private long totalMinted;
    private long totalBurned;
    /** Counts applied transactions, so a prepared transaction can tell that its base is stale. */
    private long modifications;

    ObjectStore(TypeNames types) {
        this.types = types;
    }

    TypeNames types() {
        return types;
    }

    ObjectEntry get(SuiAddress id) {
        return objects.get(id);
    }

    long balance(SuiAddress address) {
        return balances.getOrDefault(address, 0L);
    }

    Map<SuiAddress, Long> balances() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(balances));
    }

    long totalMinted() {
        return totalMinted;
    }

    long totalBurned() {
        return totalBurned;
    }

    LedgerObject render(ObjectEntry e) {
        MoveObject v = e.value();
        return new LedgerObject(v.id(), e.version(), v.type(types), e.owner(), v.toBcs(), v.json(),
                v.dynamicFieldName());
    }

    /** Objects owned by {@code owner} (an account for AddressOwner, a parent object for ObjectOwner), by id. */
    List<LedgerObject> ownedBy(SuiAddress owner, Class<? extends Owner> kind) {
        List<LedgerObject> out = new ArrayList<>();
        for (SuiAddress id : byOwner.getOrDefault(owner, new TreeSet<>())) {
            ObjectEntry e = objects.get(id);
            if (kind.isInstance(e.owner())) {
                out.add(render(e));
            }
        }
        return out;
    }

    void put(ObjectEntry entry) {
        SuiAddress id = entry.value().id();
        ObjectEntry old = objects.put(id, entry);
        if (old != null) {
            unindex(id, old.owner());
        }
        ownerKey(entry.owner()).ifPresent(k -> byOwner.computeIfAbsent(k, x -> new TreeSet<>()).add(id));
    }

    void remove(SuiAddress id) {
        ObjectEntry old = objects.remove(id);
        if (old != null) {
            unindex(id, old.owner());
        }
    }

    void setBalance(SuiAddress address, long value) {
        if (value == 0) {
            balances.remove(address);
        } else {
            balances.put(address, value);
        }
    }

    /** Sets the mint/burn totals (computed and checked by {@link Tx#prepare()}); ends an applied transaction. */
    void setTotals(long minted, long burned) {
        totalMinted = minted;
        totalBurned = burned;
        modifications++;
    }

    long modifications() {
        return modifications;
    }

    /**
     * A digest of the whole ledger: every object (id, version, type, owner, BCS), every balance, and
     * the mint/burn totals. Equal ledgers have equal digests.
     */
    byte[] stateDigest() {
        Blake2b256.Hasher h = Blake2b256.newHasher();
        for (ObjectEntry e : objects.values()) {
            h.update(e.value().id().bytes());
            h.update(longBytes(e.version()));
            byte[] type = e.value().type(types).getBytes(StandardCharsets.UTF_8);
            h.update(longBytes(type.length)).update(type);
            byte[] owner = e.owner().toString().getBytes(StandardCharsets.UTF_8);
            h.update(longBytes(owner.length)).update(owner);
            byte[] bcs = e.value().toBcs();
            h.update(longBytes(bcs.length)).update(bcs);
        }
        h.update(longBytes(balances.size()));
        for (Map.Entry<SuiAddress, Long> b : balances.entrySet()) {
            h.update(b.getKey().bytes()).update(longBytes(b.getValue()));
        }
        h.update(longBytes(totalMinted)).update(longBytes(totalBurned));
        return h.digest();
    }

    private void unindex(SuiAddress id, Owner owner) {
        ownerKey(owner).ifPresent(k -> {
            TreeSet<SuiAddress> set = byOwner.get(k);
            set.remove(id);
            if (set.isEmpty()) {
                byOwner.remove(k);
            }
        });
    }

    private static java.util.Optional<SuiAddress> ownerKey(Owner owner) {
        return switch (owner) {
            case Owner.AddressOwner a -> java.util.Optional.of(a.address());
            case Owner.ObjectOwner o -> java.util.Optional.of(o.parent());
            case Owner.Shared s -> java.util.Optional.empty();
            case Owner.Immutable i -> java.util.Optional.empty();
        };
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }
}
