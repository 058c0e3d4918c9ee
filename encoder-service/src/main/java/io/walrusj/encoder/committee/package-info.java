/** The chain as the encoder sees it: network, reader, and the current committee with node URLs. */
package io.walrusj.encoder.committee;
