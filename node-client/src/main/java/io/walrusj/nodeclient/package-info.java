/**
 * The client side of the Walrus storage-node API ({@code docs/spec/walrus-storage-node-api.md}):
 * one {@link io.walrusj.nodeclient.StorageNodeClient} per process, node base URLs per call. Nothing
 * here verifies what a node returns; callers verify metadata, slivers, symbols and signatures with
 * walrus-core.
 */
package io.walrusj.nodeclient;
