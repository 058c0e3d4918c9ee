/** The suite as real child processes on free ports ({@link io.walrusj.e2e.net.LocalNetwork}), plus fault injection from outside. */
package io.walrusj.e2e.net;
