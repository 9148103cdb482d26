/**
 * The administrative area the server serves: county, townships and villages keyed by their 12-digit
 * NBS statistical division codes (domain.md §6.3), and the health facilities in them. Other
 * features use {@link org.suifang.server.regions.RegionCodes} to check and navigate codes and
 * {@link org.suifang.server.regions.RegionService} to look regions up; who may see which region
 * follows {@link org.suifang.server.auth.CurrentUser#canRead(String)}.
 */
package org.suifang.server.regions;
