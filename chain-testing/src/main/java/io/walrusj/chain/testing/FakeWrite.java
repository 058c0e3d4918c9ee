package io.walrusj.chain.testing;

import io.walrusj.chain.devnet.Call;
import io.walrusj.core.crypto.SuiAddress;
import java.util.List;

/**
 * A write the fake chain accepted: a signed devnet transaction ({@code devnet_executeTransaction},
 * signature verified, signer = sender) or a call made through a fake writer.
 *
 * @param sender who sent it
 * @param call the Walrus operation
 * @param digest the transaction digest (Base58)
 * @param created ids of the objects the fake made for it (e.g. the {@code Blob} of a {@code RegisterBlob})
 */
public record FakeWrite(SuiAddress sender, Call call, String digest, List<SuiAddress> created) {

    public FakeWrite {
        created = List.copyOf(created);
    }
}
