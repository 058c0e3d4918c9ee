package io.walrusj.indexer.bench;

import io.walrusj.chain.follow.WalrusEventEnvelope;
import io.walrusj.chain.model.WalrusEvent;
import io.walrusj.chain.rpc.EventId;
import io.walrusj.core.crypto.Base58;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.core.metadata.BlobId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * A synthetic Walrus event stream with the mix of a busy network: about 40 % registrations, 35 %
 * certifications, 10 % extensions, 10 % deletions and 5 % other events (price updates), each in
 * its own transaction: as envelopes (straight into the handler) or as events (for a fake chain).
 */
final class SyntheticChain {

    private static final String PKG = "0x" + "11".repeat(32);

    private final SplittableRandom random = new SplittableRandom(42);
    private final ArrayDeque<WalrusEvent.BlobRegistered> uncertified = new ArrayDeque<>();
    private final List<WalrusEvent.BlobRegistered> certified = new ArrayList<>();
    private final List<SuiAddress> owners = new ArrayList<>();
    private long tx;
    private long blobs;
    private long epoch;

    SyntheticChain(long epoch) {
        this.epoch = epoch;
        for (int i = 0; i < 100; i++) {
            owners.add(address(0xee, i));
        }
    }

    List<WalrusEventEnvelope> batch(int size) {
        List<WalrusEventEnvelope> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(envelope(next()));
        }
        return out;
    }

    /** One EpochChangeStart to {@code newEpoch}. */
    List<WalrusEventEnvelope> epochChange(long newEpoch) {
        epoch = newEpoch;
        return List.of(envelope(new WalrusEvent.EpochChangeStart(newEpoch)));
    }

    /** The next event of the stream and the account sending it (the owners take turns). */
    record Sent(SuiAddress sender, WalrusEvent event) {
    }

    Sent nextSent() {
        return new Sent(owners.get((int) (++tx % owners.size())), next());
    }

    private WalrusEvent next() {
        int dice = random.nextInt(100);
        if (dice < 35 && !uncertified.isEmpty()) {
            WalrusEvent.BlobRegistered r = uncertified.poll();
            certified.add(r);
            return new WalrusEvent.BlobCertified(epoch, r.blobId(), r.endEpoch(), r.deletable(), r.objectId(), false);
        }
        if (dice < 45 && !certified.isEmpty()) {
            WalrusEvent.BlobRegistered r = certified.get(random.nextInt(certified.size()));
            return new WalrusEvent.BlobCertified(epoch, r.blobId(), r.endEpoch() + 5, r.deletable(), r.objectId(), true);
        }
        if (dice < 55 && !certified.isEmpty()) {
            WalrusEvent.BlobRegistered r = certified.remove(certified.size() - 1);
            if (r.deletable()) {
                return new WalrusEvent.BlobDeleted(epoch, r.blobId(), r.endEpoch(), r.objectId(), true);
            }
        }
        if (dice >= 95) {
            return new WalrusEvent.PricesUpdated(epoch, 1000 + dice, 2000);
        }
        long n = blobs++;
        byte[] b = new byte[32];
        b[0] = (byte) 0xbb;
        for (int i = 0; i < 8; i++) {
            b[1 + i] = (byte) (n >>> (8 * i));
        }
        WalrusEvent.BlobRegistered r = new WalrusEvent.BlobRegistered(epoch, BlobId.of(b), 1 + random.nextInt(1 << 20),
                1, epoch + 1 + random.nextInt(50), random.nextInt(4) == 0, address(0xbb, n));
        uncertified.add(r);
        return r;
    }

    private WalrusEventEnvelope envelope(WalrusEvent e) {
        byte[] d = new byte[32];
        long n = ++tx;
        for (int i = 0; i < 8; i++) {
            d[i] = (byte) (n >>> (8 * i));
        }
        d[31] = 0x77;
        return new WalrusEventEnvelope(new EventId(Base58.encode(d), 0), OptionalLong.empty(),
                OptionalLong.of(System.currentTimeMillis()), owners.get((int) (n % owners.size())),
                PKG + "::events::" + e.name(), e);
    }

    static SuiAddress address(int prefix, long n) {
        byte[] b = new byte[32];
        b[0] = (byte) prefix;
        for (int i = 0; i < 8; i++) {
            b[24 + i] = (byte) (n >>> (8 * (7 - i)));
        }
        return SuiAddress.of(b);
    }
}
