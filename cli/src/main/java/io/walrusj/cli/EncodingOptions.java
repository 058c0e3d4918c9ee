package io.walrusj.cli;

import io.walrusj.core.encoding.BlobEncoder;
import io.walrusj.core.encoding.EncodingConfig;
import io.walrusj.core.encoding.EncodingException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the encoding subcommands: {@code --n-shards} and {@code --parallelism}. */
public final class EncodingOptions {
    /** The number of shards of Walrus mainnet and testnet, the Walrus CLI's default for {@code blob-id}. */
    public static final int DEFAULT_N_SHARDS = 1000;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--n-shards", paramLabel = "N", defaultValue = "" + DEFAULT_N_SHARDS,
            description = "Number of shards of the target system, 4..49152 (default: ${DEFAULT-VALUE}).")
    int nShards;

    @Option(names = "--parallelism", paramLabel = "N",
            description = "Encoder threads (default: available processors, ${DEFAULT-VALUE} here).")
    int parallelism = Runtime.getRuntime().availableProcessors();

    /** The encoding parameters; a bad shard count is a usage error (exit 2). */
    public EncodingConfig config() {
        try {
            return new EncodingConfig(nShards);
        } catch (EncodingException e) {
            throw new ParameterException(mixee.commandLine(), "Invalid value for option '--n-shards': " + e.getMessage());
        }
    }

    /** An encoder for {@link #config()}; a parallelism below 1 is a usage error (exit 2). */
    public BlobEncoder encoder() {
        EncodingConfig config = config();
        if (parallelism < 1) {
            throw new ParameterException(mixee.commandLine(),
                    "Invalid value for option '--parallelism': must be at least 1, got " + parallelism);
        }
        return new BlobEncoder(config, parallelism);
    }
}
