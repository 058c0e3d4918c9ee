/**
 * Following the Walrus events with exactly-once effects.
 *
 * <p>{@link io.walrusj.chain.follow.CheckpointFollower} reads Sui gRPC checkpoints (subscription plus
 * backfill by number) from a durable {@link io.walrusj.chain.follow.CheckpointCursor}
 * ({@link io.walrusj.chain.follow.CheckpointCursorStore}) and hands
 * {@link io.walrusj.chain.follow.CheckpointBatch}es to a
 * {@link io.walrusj.chain.follow.CheckpointBatchHandler} that commits effects and cursor atomically.
 * {@link io.walrusj.chain.follow.EventFollower} is the legacy JSON-RPC reader with the same contract
 * ({@link io.walrusj.chain.follow.CursorStore}, {@link io.walrusj.chain.follow.EventBatchHandler}).
 */
package io.walrusj.chain.follow;
