package io.walrusj.devnet.contract;

import io.walrusj.core.crypto.SuiAddress;

/** Full Move type tags of the Walrus package, as Sui prints them (user packages long, 0x2 short). */
final class TypeNames {
    private final String pkg;

    TypeNames(SuiAddress packageId) {
        this.pkg = packageId.toString();
    }

    /** {@code 0x<pkg>::<module>::<name>}. */
    String walrus(String module, String name) {
        return pkg + "::" + module + "::" + name;
    }

    /** {@code 0x<pkg>::events::<name>}. */
    String event(String name) {
        return walrus("events", name);
    }

    /** {@code 0x2::dynamic_field::Field<K, V>}. */
    static String field(String keyType, String valueType) {
        return "0x2::dynamic_field::Field<" + keyType + ", " + valueType + ">";
    }
}
