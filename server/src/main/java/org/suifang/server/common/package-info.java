/**
 * The few pieces every feature shares: the one JSON error shape ({@link
 * org.suifang.server.common.ApiError}), the stable error codes ({@link
 * org.suifang.server.common.ErrorCode}) and the handler that turns exceptions and framework errors
 * into that shape. Keep it tiny: no features here.
 */
package org.suifang.server.common;
