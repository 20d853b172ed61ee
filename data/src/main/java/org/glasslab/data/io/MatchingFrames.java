package org.glasslab.data.io;

import org.glasslab.data.Trajectory;

/**
 * The check that an MD trajectory and an inherent-structure (IS) trajectory describe the same
 * frames, before anything joins them (an IS event judged on MD stress, MD snapshots of an IS
 * event): same particle count N, same frame count, the same step at every frame and the same box.
 * Only headers and step arrays are read, no frame.
 */
public final class MatchingFrames {
  private MatchingFrames() {}

  /**
   * Throws unless {@code md} and {@code is} match.
   *
   * @param mdName the MD file, named in the message
   * @param isName the IS file, named in the message
   * @throws IllegalArgumentException one line naming both files and the first difference
   */
  public static void require(Trajectory md, String mdName, Trajectory is, String isName) {
    String diff = null;
    if (md.particleCount() != is.particleCount()) {
      diff = "N = " + md.particleCount() + " vs " + is.particleCount();
    } else if (md.frameCount() != is.frameCount()) {
      diff = md.frameCount() + " vs " + is.frameCount() + " frames";
    } else if (!md.box().equals(is.box())) {
      diff = "box " + md.box() + " vs " + is.box();
    } else {
      for (int k = 0; k < md.frameCount() && diff == null; k++) {
        if (md.step(k) != is.step(k)) {
          diff = "frame " + k + " at step " + md.step(k) + " vs " + is.step(k);
        }
      }
    }
    if (diff != null) {
      throw new IllegalArgumentException(
          "MD trajectory "
              + mdName
              + " and IS trajectory "
              + isName
              + " do not match ("
              + diff
              + "): the IS must be the minimised frames of that MD run");
    }
  }
}
