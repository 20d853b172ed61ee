package org.glasslab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameScheduleTest {

  @Test
  void reproducesThePaperSchedule() {
    // Jha & Sengupta eq. 2: S(f) = iB + 2^j, f = i*N_cfg + j, B = 1 050 000, N_cfg = 21, dt =
    // 0.003.
    FrameSchedule.LogBlock s = FrameSchedule.paper(3);
    assertEquals(63, s.frameCount());
    assertEquals(1L, s.step(0));
    assertEquals(0.003, s.time(0), 1e-15);
    assertEquals(2L, s.step(1));
    assertEquals(0.006, s.time(1), 1e-15);
    assertEquals(1_048_576L, s.step(20));
    assertEquals(3145.728, s.time(20), 1e-9);
    assertEquals(1_050_001L, s.step(21));
    assertEquals(3150.003, s.time(21), 1e-9);
    assertEquals(1_050_002L, s.step(22));
    assertEquals(3150.006, s.time(22), 1e-9);
    assertEquals(2_100_000L + 1_048_576L, s.step(62));
    assertEquals(1, s.block(22));
    assertEquals(1, s.indexInBlock(22));
  }

  @Test
  void stepAndTimeMapBackToFrames() {
    FrameSchedule.LogBlock s = FrameSchedule.paper(4);
    for (int f = 0; f < s.frameCount(); f++) {
      assertEquals(f, s.frameOfStep(s.step(f)), "frame " + f);
      assertEquals(f, s.frameOfTime(s.time(f)), "frame " + f);
    }
    assertEquals(-1, s.frameOfStep(0), "step 0 (block start) is not a frame");
    assertEquals(-1, s.frameOfStep(1_050_000L), "block start iB is not a frame");
    assertEquals(-1, s.frameOfStep(3), "3 is not a power of two");
    assertEquals(-1, s.frameOfStep(4 * 1_050_000L + 1), "beyond the last block");
    assertEquals(-1, s.frameOfTime(0.009), "step 3 is not a frame");
    assertEquals(1, s.frameOfTime(0.0061), "within half a step of frame 1");
  }

  @Test
  void blockSizeThatIsAPowerOfTwoKeepsFramesDistinct() {
    FrameSchedule.LogBlock s = new FrameSchedule.LogBlock(8, 4, 0.01, 2);
    long[] expected = {1, 2, 4, 8, 9, 10, 12, 16};
    for (int f = 0; f < expected.length; f++) {
      assertEquals(expected[f], s.step(f));
      assertEquals(f, s.frameOfStep(expected[f]));
    }
  }

  @Test
  void rejectsImpossibleParameters() {
    assertThrows(
        IllegalArgumentException.class, () -> new FrameSchedule.LogBlock(1000, 21, 0.003, 1));
    assertThrows(IllegalArgumentException.class, () -> new FrameSchedule.LogBlock(8, 4, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new FrameSchedule.LogBlock(8, 4, 0.1, 0));
    assertThrows(IndexOutOfBoundsException.class, () -> FrameSchedule.paper(1).step(21));
  }

  @Test
  void linearSchedule() {
    FrameSchedule.Linear s = new FrameSchedule.Linear(100, 50, 0.005, 10);
    assertEquals(100, s.step(0));
    assertEquals(550, s.step(9));
    assertEquals(2.75, s.time(9), 1e-12);
    assertEquals(9, s.frameOfStep(550));
    assertEquals(-1, s.frameOfStep(551));
    assertEquals(-1, s.frameOfStep(600));
    assertEquals(-1, s.frameOfStep(50));
  }
}
