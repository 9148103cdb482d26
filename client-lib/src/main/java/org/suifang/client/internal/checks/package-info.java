/**
 * The checks the server makes on patients and follow-up forms, made offline with the same field
 * names and codes (docs/errors.md), so that nothing the server would refuse for its content is
 * stored on the tablet. Not API.
 */
@ParametersAreNonnullByDefault
package org.suifang.client.internal.checks;

import javax.annotation.ParametersAreNonnullByDefault;
