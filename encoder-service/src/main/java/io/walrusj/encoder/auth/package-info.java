/**
 * Optional JWT authentication of the publisher's write routes (docs/spec/walrus-client-http-api.md 2.3): HMAC
 * token verification with the JDK's {@code javax.crypto}, the Walrus claim checks and replay
 * suppression of {@code jti}.
 */
package io.walrusj.encoder.auth;
