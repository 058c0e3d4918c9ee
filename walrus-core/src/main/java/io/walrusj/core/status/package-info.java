/** The Walrus JSON error body ({@code Status} with {@code ErrorInfo}) shared by every service that answers it. */
package io.walrusj.core.status;
