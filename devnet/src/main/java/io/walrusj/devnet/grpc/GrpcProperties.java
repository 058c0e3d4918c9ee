package io.walrusj.devnet.grpc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of the gRPC endpoint ({@code devnet.grpc.*}).
 *
 * @param maxInboundMessageSize largest request message; a larger one is {@code RESOURCE_EXHAUSTED}
 * @param maxSubscriptions      most {@code SubscribeCheckpoints} streams open at once
 * @param subscriberBuffer      checkpoints queued for one subscriber; one further behind is ended with {@code ABORTED}
 */
@ConfigurationProperties("devnet.grpc")
public record GrpcProperties(@DefaultValue("4MB") DataSize maxInboundMessageSize, @DefaultValue("100") int maxSubscriptions,
        @DefaultValue("1000") int subscriberBuffer) {

    public GrpcProperties {
        if (maxInboundMessageSize.toBytes() < 1024 || maxInboundMessageSize.toBytes() > Integer.MAX_VALUE
                || maxSubscriptions < 1 || subscriberBuffer < 1) {
            throw new IllegalArgumentException("devnet.grpc limits must be positive (max-inbound-message-size 1KB..2GB)");
        }
    }
}
