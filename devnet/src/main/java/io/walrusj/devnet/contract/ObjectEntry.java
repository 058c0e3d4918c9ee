package io.walrusj.devnet.contract;

/** A stored object: its Move value, owner and version. */
record ObjectEntry(MoveObject value, Owner owner, long version) {

    ObjectEntry withVersion(long newVersion) {
        return new ObjectEntry(value, owner, newVersion);
    }

    ObjectEntry withValue(MoveObject newValue) {
        return new ObjectEntry(newValue, owner, version);
    }
}
