/** The current committee as storage-node clients see it: members, keys, shards and URLs. */
package io.walrusj.chain.committee;
