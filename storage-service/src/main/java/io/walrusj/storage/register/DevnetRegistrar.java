package io.walrusj.storage.register;

import io.walrusj.chain.ChainWriter;
import io.walrusj.core.crypto.BlsKeyPair;
import io.walrusj.core.crypto.Ed25519KeyPair;
import io.walrusj.core.crypto.ProofOfPossessionMessage;
import io.walrusj.core.crypto.SuiAddress;
import io.walrusj.storage.config.StorageProperties;
import io.walrusj.storage.identity.OperatorKeyStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Self-registration on the walrusj devnet ({@code storage.register-on-devnet=true}, docs/spec/walrus-chain.md
 * section 3): without a configured or remembered node id, the operator account (Ed25519 key from
 * {@link OperatorKeyStore}) is funded by the faucet ({@code storage.use-faucet}), sends (through its
 * {@link ChainWriter}) {@code staking::register_candidate} with the BLS proof of possession for the
 * staking epoch and
 * {@code storage.public-url}'s {@code host:port} as network address, remembers the created
 * {@code StakingPool}'s id in {@code <data-dir>/node-id}, then stakes {@code storage.stake} FROST
 * with {@code stake_with_pool} and records that in {@code <data-dir>/node-id.staked} (a restart
 * after a failed stake retries only the stake).
 */
public final class DevnetRegistrar {
    private static final Logger LOG = LoggerFactory.getLogger(DevnetRegistrar.class);
    public static final String NODE_ID_FILE = "node-id";
    public static final String STAKED_FILE = "node-id.staked";
    static final String POOL_TYPE_SUFFIX = "::staking_pool::StakingPool";

    private DevnetRegistrar() {
    }

    /**
     * @param writers the chain writer signing with a key
     * @param stakingEpoch the staking state's epoch (the proof of possession is for it)
     */
    public static NodeIdentity resolve(StorageProperties props, BlsKeyPair protocolKey,
            Function<Ed25519KeyPair, ChainWriter> writers, LongSupplier stakingEpoch) {
        if (props.nodeId() != null && !props.nodeId().isBlank()) {
            return new NodeIdentity(Optional.of(SuiAddress.parseLenient(props.nodeId())));
        }
        Path dir = props.dataDir();
        Optional<SuiAddress> remembered = readNodeId(dir);
        if (!props.registerOnDevnet()) {
            return new NodeIdentity(remembered);
        }
        boolean staked = Files.exists(dir.resolve(STAKED_FILE));
        if (remembered.isPresent() && staked) {
            return new NodeIdentity(remembered);
        }
        Ed25519KeyPair operator = OperatorKeyStore.loadOrCreate(dir, props.operatorKeyFile());
        SuiAddress sender = operator.suiAddress();
        ChainWriter chain = writers.apply(operator);
        if (props.useFaucet()) {
            chain.faucet(props.stake());
            LOG.info("operator {} funded with {} FROST by the faucet", sender, props.stake());
        }
        SuiAddress nodeId;
        if (remembered.isPresent()) {
            nodeId = remembered.get();
        } else {
            String address = networkAddress(props.publicUrl());
            long epoch = stakingEpoch.getAsLong();
            byte[] proof = ProofOfPossessionMessage.prove(protocolKey, epoch, sender).toBytes();
            String name = props.nodeName() == null || props.nodeName().isBlank() ? "walrusj-" + address : props.nodeName();
            nodeId = chain.registerCandidate(new ChainWriter.Candidate(name, address, protocolKey.publicKey(), proof,
                    placeholderNetworkKey(), props.commissionRate(), props.storagePriceVote(), props.writePriceVote(),
                    props.nodeCapacity())).createdOne(POOL_TYPE_SUFFIX);
            writeAtomically(dir.resolve(NODE_ID_FILE), nodeId + "\n");
            LOG.info("registered on the devnet as node {} ({}), operator {}", nodeId, address, sender);
        }
        chain.stakeWithPool(nodeId, props.stake());
        writeAtomically(dir.resolve(STAKED_FILE), Long.toUnsignedString(props.stake()) + "\n");
        LOG.info("staked {} FROST with node {}", props.stake(), nodeId);
        return new NodeIdentity(Optional.of(nodeId));
    }

    static Optional<SuiAddress> readNodeId(Path dir) {
        Path file = dir.resolve(NODE_ID_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SuiAddress.parseLenient(Files.readString(file, StandardCharsets.US_ASCII).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@code host:port} of the public URL (port defaulted from the scheme). */
    static String networkAddress(URI publicUrl) {
        if (publicUrl == null || publicUrl.getHost() == null) {
            throw new IllegalStateException("storage.register-on-devnet needs storage.public-url (e.g. http://host:9100)");
        }
        int port = publicUrl.getPort() >= 0 ? publicUrl.getPort() : "https".equals(publicUrl.getScheme()) ? 443 : 80;
        return publicUrl.getHost() + ":" + port;
    }

    /**
     * A fresh compressed secp256r1 public key (33 bytes) as the on-chain network key; the node has
     * no TLS yet, so the key is neither stored nor used.
     */
    static byte[] placeholderNetworkKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            ECPublicKey pub = (ECPublicKey) g.generateKeyPair().getPublic();
            byte[] x = toFixed(pub.getW().getAffineX());
            byte[] out = new byte[33];
            out[0] = (byte) (pub.getW().getAffineY().testBit(0) ? 0x03 : 0x02);
            System.arraycopy(x, 0, out, 1, 32);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a secp256r1 key", e);
        }
    }

    private static byte[] toFixed(BigInteger v) {
        byte[] b = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static void writeAtomically(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE))) {
                ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
