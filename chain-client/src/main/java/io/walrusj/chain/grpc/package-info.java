/**
 * Sui gRPC v2 ({@code sui.rpc.v2}) client: {@link io.walrusj.chain.grpc.SuiGrpcClient} with small
 * records for its answers ({@link io.walrusj.chain.grpc.ObjectData},
 * {@link io.walrusj.chain.grpc.CheckpointData}, ...) and {@link io.walrusj.chain.grpc.CheckpointStream}
 * for {@code SubscribeCheckpoints}. The generated protobuf and grpc-java types are in
 * {@code io.walrusj.chain.grpc.proto} (built from {@code src/main/proto}).
 */
package io.walrusj.chain.grpc;
