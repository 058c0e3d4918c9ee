package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;

/** The fixed facts of one chain: its genesis, type names, event factory and the shared objects' ids. */
record ChainContext(Genesis genesis, TypeNames types, Events events, SuiAddress systemId, SuiAddress systemInnerId,
        SuiAddress stakingId, SuiAddress stakingInnerId) {

    static ChainContext of(Genesis genesis) {
        TypeNames types = new TypeNames(genesis.packageId());
        SuiAddress systemId = genesis.systemObjectId();
        SuiAddress stakingId = genesis.stakingObjectId();
        return new ChainContext(genesis, types, new Events(types), systemId,
                ObjectIds.u64Field(systemId, RootObject.CONTRACT_VERSION), stakingId,
                ObjectIds.u64Field(stakingId, RootObject.CONTRACT_VERSION));
    }
}
