/** HTTP conventions shared by the publisher and aggregator routes: error bodies, query parsing, /status. */
package io.walrusj.encoder.api;
