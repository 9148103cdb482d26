package org.suifang.server.sim;

import java.util.SplittableRandom;

/**
 * The shape of one simulation run. {@link #forSeed} derives it from the seed, so a seed number is
 * all a replay needs.
 *
 * @param tablets tablets at the start (3-5); a clone may add one
 * @param events scheduled events before heal and quiesce
 * @param ownerMode each patient's demographics are edited only by the tablet that registered it, so
 *     the run must end with no conflict at all (P10)
 * @param skewedClocks every tablet starts with a clock error of up to two years either way, instead
 *     of a correct clock (P11 runs a seed both ways)
 * @param faults network faults, crashes, restarts, restores and clones are scheduled
 */
record SimConfig(int tablets, int events, boolean ownerMode, boolean skewedClocks, boolean faults) {

  static SimConfig forSeed(long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
    return new SimConfig(3 + r.nextInt(3), 40 + r.nextInt(111), r.nextInt(3) == 0, false, true);
  }

  SimConfig withSkewedClocks() {
    return new SimConfig(tablets, events, ownerMode, true, faults);
  }

  @Override
  public String toString() {
    return tablets
        + " tablets, "
        + events
        + " events"
        + (ownerMode ? ", owner mode" : ", shared mode")
        + (skewedClocks ? ", skewed clocks" : "")
        + (faults ? "" : ", no faults");
  }
}
