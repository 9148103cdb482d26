/**
 * The network adapter: the REST calls of the SDK on OkHttp and Gson, the wire types of the sync
 * protocol, request gzip and byte counting. HTTP error statuses are answers here, not exceptions;
 * only a failed exchange (no answer, an unreadable answer) becomes a {@code SuifangException}. Not
 * API.
 */
@ParametersAreNonnullByDefault
package org.suifang.client.internal.net;

import javax.annotation.ParametersAreNonnullByDefault;
