/**
 * Following the Walrus event stream with exactly-once effects: {@link io.walrusj.chain.follow.EventFollower}
 * polls from a durable cursor ({@link io.walrusj.chain.follow.CursorStore}) and hands pages to an
 * {@link io.walrusj.chain.follow.EventBatchHandler} that commits effects and cursor atomically.
 */
package io.walrusj.chain.follow;
