package io.walrusj.indexer.follow;

import io.walrusj.chain.grpc.ObjectData;
import io.walrusj.chain.grpc.SuiGrpcClient;
import io.walrusj.chain.model.StakingInnerV1;
import io.walrusj.chain.model.WalrusSharedObject;
import io.walrusj.core.bcs.BcsWriter;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.hash.Blake2b256;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Reads the Walrus staking inner state over Sui gRPC: {@code GetObject(Staking)} for its version,
 * then {@code GetObject} of the dynamic field {@code Field<u64, StakingInnerV1>} named by that
 * version, at the id Sui derives for it. (Interim: chain-client's reader interface replaces it.)
 */
final class GrpcStakingReader implements Supplier<StakingInnerV1> {

    private final SuiGrpcClient sui;
    private final SuiAddress stakingId;

    GrpcStakingReader(SuiGrpcClient sui, SuiAddress stakingId) {
        this.sui = sui;
        this.stakingId = stakingId;
    }

    @Override
    public StakingInnerV1 get() {
        WalrusSharedObject staking = WalrusSharedObject.fromBcs("Staking", read(stakingId).requireContents());
        SuiAddress field = u64FieldId(stakingId, staking.version());
        return StakingInnerV1.fromFieldBcs(read(field).requireContents(), staking.version());
    }

    private ObjectData read(SuiAddress id) {
        return sui.getObject(id).orElseThrow(() -> new NoSuchElementException("object " + id + " not found"));
    }

    /** Sui's id of the dynamic field of {@code parent} named by the u64 {@code name}. */
    static SuiAddress u64FieldId(SuiAddress parent, long name) {
        // Blake2b-256(0xf0 || parent || u64_le(len(name bcs) = 8) || u64_le(name) || TypeTag::U64 = [2])
        return SuiAddress.of(Blake2b256.hash(BcsWriter.encode(w -> {
            w.u8(0xf0);
            parent.writeBcs(w);
            w.u64(8);
            w.u64(name);
            w.u8(2);
        })));
    }
}
