/**
 * The four worklists of docs/worklists.md computed on the device, with the rules of the server's
 * SQL ({@code WorklistRepository}). Not API.
 */
@ParametersAreNonnullByDefault
package org.suifang.client.internal.worklist;

import javax.annotation.ParametersAreNonnullByDefault;
