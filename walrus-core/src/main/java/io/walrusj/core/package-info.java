/** Walrus RS2 codec. */
package io.walrusj.core;
